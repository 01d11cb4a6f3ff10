package org.grokbench.cli;

import org.grokbench.plot.FigureOptions;
import org.grokbench.plot.FigureStyle;
import picocli.CommandLine.Option;

/** Figure options shared by commands that write PNGs (a picocli mixin). */
final class FigureSettings {
    @Option(names = "--width", paramLabel = "PX", converter = Bounded.Width.class,
            description = "Figure width in pixels, 320-8000 (default: ${DEFAULT-VALUE}).", defaultValue = "1600")
    long width;

    @Option(names = "--height", paramLabel = "PX", converter = Bounded.Height.class,
            description = "Figure height in pixels, 240-8000 (default: ${DEFAULT-VALUE}).", defaultValue = "1000")
    long height;

    @Option(names = "--scale", paramLabel = "X", converter = Bounded.Scale.class,
            description = "Font and line size factor, 0.25-4 (default: ${DEFAULT-VALUE}; 1 suits 1600x1000).",
            defaultValue = "1")
    double scale;

    FigureOptions options() {
        return FigureOptions.defaults().withStyle(FigureStyle.scaled(scale));
    }
}
