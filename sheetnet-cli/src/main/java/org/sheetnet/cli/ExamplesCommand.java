package org.sheetnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sheetnet.examples.ExampleWorkbooks;
import org.sheetnet.sink.OutputNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sheetnet examples}: rebuilds the example workbooks and the blank templates. */
@Command(header = "Rebuild the example workbooks and the blank templates.",
        name = "examples",
        description = {
            "Writes the example workbooks (the networks of the background articles) and the blank",
            "templates. They are committed in workbooks/ and templates/; this rebuilds them.",
            "Existing files of these names are replaced only with --force (a template may have been",
            "filled in); nothing else in the folders is touched."
        },
        mixinStandardHelpOptions = true)
final class ExamplesCommand implements Callable<Integer> {

    @Option(names = "--workbooks", defaultValue = "workbooks", paramLabel = "DIR",
            description = "Folder for the examples (default: ${DEFAULT-VALUE}).")
    Path workbooks;

    @Option(names = "--templates", defaultValue = "templates", paramLabel = "DIR",
            description = "Folder for the templates (default: ${DEFAULT-VALUE}).")
    Path templates;

    @Option(names = {"-f", "--force"}, description = "Replace existing examples and templates of the same names.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        OutputNames.requireFolderName(workbooks, "examples");
        OutputNames.requireFolderName(templates, "examples");
        ExampleWorkbooks.writeAll(workbooks, templates, force);
        System.out.println("wrote " + ExampleWorkbooks.EXAMPLES.size() + " examples to " + workbooks + " and "
                + ExampleWorkbooks.TEMPLATES.size() + " templates to " + templates);
        return ExitCodes.OK;
    }
}
