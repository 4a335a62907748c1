@echo off
rem Runs sheetnet on Windows: java -jar target\sheetnet.jar ARGS, building the jar with Maven first
rem when it is missing (delete it to rebuild after changing the sources). JAVA_OPTS is passed to the
rem JVM, e.g. set JAVA_OPTS=-Xmx2g
setlocal
set "SHEETNET_ROOT=%~dp0"
set "SHEETNET_JAR=%SHEETNET_ROOT%target\sheetnet.jar"
if exist "%SHEETNET_JAR%" goto run
echo sheetnet: building with mvn package, first run only; takes a minute... 1>&2
where mvn >nul 2>nul
if errorlevel 1 goto nomaven
pushd "%SHEETNET_ROOT%"
call mvn -B -q -DskipTests -pl sheetnet-cli -am package
popd
if not exist "%SHEETNET_JAR%" goto failed
:run
java %JAVA_OPTS% -jar "%SHEETNET_JAR%" %*
exit /b %ERRORLEVEL%
:nomaven
echo sheetnet: Maven (mvn) is needed to build sheetnet once; install it from https://maven.apache.org 1>&2
exit /b 1
:failed
echo sheetnet: the build failed (output above) 1>&2
exit /b 1
