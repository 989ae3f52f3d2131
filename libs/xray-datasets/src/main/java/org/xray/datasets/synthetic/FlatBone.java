package org.xray.datasets.synthetic;

import java.awt.Shape;

/** A thin plate of bone seen face-on (scapula body): low density with a rim, in layout units. */
record FlatBone(Shape outline, double density) {
}
