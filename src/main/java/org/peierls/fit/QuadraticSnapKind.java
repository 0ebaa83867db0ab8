package org.peierls.fit;

/** Quadratic SNAP ({@code --model qsnap}): {@link SnapKind} with the ½B⊗B features. */
public final class QuadraticSnapKind extends SnapKind {
    public QuadraticSnapKind() {
        super(true);
    }
}
