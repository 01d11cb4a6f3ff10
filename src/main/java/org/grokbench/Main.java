package org.grokbench;

import org.grokbench.cli.ExitCodes;
import org.grokbench.cli.GrokbenchCli;

import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Entry point of the jar. With arguments it runs the headless command line
 * ({@link GrokbenchCli}); without, it opens the window, {@code org.grokbench.ui.WorkbenchApp},
 * looked up by reflection so that the engine and the CLI never import JavaFX. When the window is
 * not available (no ui classes, or no display) it prints the usage instead.
 */
public final class Main {
    static final String WINDOW_CLASS = "org.grokbench.ui.WorkbenchApp";

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            int code = openWindow(WINDOW_CLASS, args);
            if (code >= 0) {
                if (code != 0) System.exit(code);
                return;
            }
            GrokbenchCli.newCommandLine().usage(System.out);
            System.exit(ExitCodes.OK);
        }
        System.exit(GrokbenchCli.execute(args));
    }

    /**
     * Calls {@code WorkbenchApp.main(args)}; returns 0 when the window ran, 1 when it failed, -1
     * when there is no window to open (the usage is printed instead).
     */
    public static int openWindow(String windowClass, String[] args) {
        Method main;
        try {
            main = Class.forName(windowClass).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return -1;
        }
        if (GraphicsEnvironment.isHeadless()) {
            System.out.println("No display found, so the window cannot open; here are the headless commands.");
            System.out.println();
            return -1;
        }
        try {
            main.invoke(null, (Object) args);
            return 0;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("grokbench: the window failed to start: " + cause);
            return ExitCodes.FAILURE;
        } catch (IllegalAccessException e) {
            System.err.println("grokbench: cannot open the window: " + e);
            return ExitCodes.FAILURE;
        }
    }
}
