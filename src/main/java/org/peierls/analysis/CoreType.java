package org.peierls.analysis;

/**
 * Where a ½⟨111⟩ screw dislocation core starts in bcc, in projection along the line: at the
 * centroid of a triangle of ⟨111⟩ atomic columns. The three columns of a triangle sit at heights
 * h, h ± b/3, h ± 2b/3; inserting a screw of Burgers vector b there raises successive columns
 * (counter-clockwise) by b/3 more.
 */
public enum CoreType {
    /** the triangle whose helicity the screw reverses (the stable core of most bcc metals) */
    EASY,
    /** the triangle whose three columns the screw brings to the same height */
    HARD
}
