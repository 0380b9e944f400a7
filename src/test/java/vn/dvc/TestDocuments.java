package vn.dvc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh documents directory per test run, under the build's temporary folder. */
public final class TestDocuments {

    public static final Path DIRECTORY = create();

    private TestDocuments() {
    }

    private static Path create() {
        try {
            return Files.createTempDirectory("documents-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
