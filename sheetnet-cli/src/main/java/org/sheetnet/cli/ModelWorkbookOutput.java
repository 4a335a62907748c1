package org.sheetnet.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The output options of the commands that write a model workbook from a framework's file. */
final class ModelWorkbookOutput {

    @Option(names = {"-o", "--out"}, paramLabel = "MODEL.xlsx",
            description = "The workbook to write. Default: the model's name with .xlsx, in the current folder.")
    Path out;

    @Option(names = {"-f", "--force"}, description = "Replace the output if it exists.")
    boolean force;

    /**
     * The workbook to write: {@code --out}, or the model's name with .xlsx in the current folder.
     *
     * @param model   the file imported
     * @param command the command, for the message when {@code --out} does not end in .xlsx
     */
    Path target(Path model, String command) {
        Path target = out != null ? out : defaultOut(model);
        org.sheetnet.sink.OutputNames.requireExtension(target, command, "a model workbook", ".xlsx");
        return target;
    }

    private static Path defaultOut(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of((dot > 0 ? name.substring(0, dot) : name) + ".xlsx");
    }
}
