package org.peierls.defects;

/** A complex number for the (cold) set-up algebra of the Stroh solution. */
record Cx(double re, double im) {

    static final Cx ZERO = new Cx(0, 0);
    static final Cx ONE = new Cx(1, 0);

    Cx plus(Cx o) {
        return new Cx(re + o.re, im + o.im);
    }

    Cx minus(Cx o) {
        return new Cx(re - o.re, im - o.im);
    }

    Cx times(Cx o) {
        return new Cx(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Cx times(double s) {
        return new Cx(re * s, im * s);
    }

    Cx div(Cx o) {
        double d = o.re * o.re + o.im * o.im;
        return new Cx((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    double abs() {
        return Math.hypot(re, im);
    }

    Cx sqrt() {
        double r = abs();
        double a = Math.sqrt(0.5 * (r + re));
        double b = Math.copySign(Math.sqrt(0.5 * (r - re)), im);
        return new Cx(a, b);
    }
}
