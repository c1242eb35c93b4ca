package org.mixupsuite.core.data;

import java.nio.file.Path;

/** A training and a test split of one image data set, and where they were read from. */
public record ImageData(String name, Path source, ImageSet train, ImageSet test) {
}
