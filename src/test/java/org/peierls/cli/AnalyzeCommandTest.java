package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.analysis.Centrosymmetry;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.io.ExtendedXyz;
import org.peierls.io.Json;

/**
 * {@code peierls analyze}: the per-atom columns come back in the extended XYZ it writes (one
 * column per analysis, as ASE and OVITO read them), the JSON counts add up, every frame of a
 * multi-frame file is analysed with {@code --frame all}, and bad input is one line.
 */
class AnalyzeCommandTest {

    @TempDir
    Path tmp;

    static Structure vacancy(double a) {
        Structure s = Lattice.fcc("Cu", a).repeat(3, 3, 3);
        boolean[] keep = new boolean[s.size()];
        java.util.Arrays.fill(keep, true);
        keep[0] = false;
        return s.select(keep);
    }

    @Test
    void columnsAndCountsOfEveryFrame() throws Exception {
        Structure v = vacancy(3.615);
        Structure perfect = Lattice.fcc("Cu", 3.615).repeat(3, 3, 3);
        Path in = tmp.resolve("in.extxyz");
        ExtendedXyz.write(in, List.of(new Frame(v), new Frame(perfect)));
        Path out = tmp.resolve("out.extxyz"), json = tmp.resolve("a.json");
        IoCommandsTest.Run r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--frame", "all", "--compute", "cna,acna,csp,coord,q6",
                "--cutoff", "3.09", "--out", out.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        List<Frame> back = ExtendedXyz.read(out);
        assertEquals(2, back.size());
        String[] cna = (String[]) back.get(0).structure().arrays().get("cna");
        long other = java.util.Arrays.stream(cna).filter("other"::equals).count();
        assertEquals(12, other, "the 12 neighbours of the vacancy are not fcc");
        assertArrayEquals(Centrosymmetry.compute(v, 12), (double[]) back.get(0).structure().arrays().get("csp"), 1e-12);
        JsonNode j = Json.read(json);
        assertEquals(2, j.get("frames").size());
        assertEquals(95, j.get("frames").get(0).get("counts").get("cna").get("fcc").asInt());
        assertEquals(108, j.get("frames").get(1).get("counts").get("acna").get("fcc").asInt());
        List<Integer> coord = new ArrayList<>();
        j.get("frames").get(1).get("per_atom").get("coord").forEach(n -> coord.add(n.asInt()));
        assertTrue(coord.stream().allMatch(c -> c == 12), "perfect fcc: 12 neighbours each");
    }

    @Test
    void badInputIsOneLine() throws Exception {
        Path in = tmp.resolve("in.extxyz");
        ExtendedXyz.write(in, List.of(new Frame(vacancy(3.615))));
        IoCommandsTest.Run r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "cna");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cna needs --cutoff"), r.err());
        r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "vorono");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown analysis 'vorono'"), r.err());
        r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "acna", "--frame", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("out of range"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    /** ptm and diamond columns, the census against the perfect lattice, and a picture whose atoms are drawn in OVITO's fcc green. */
    @Test
    void ptmCensusAndPicture() throws Exception {
        Structure v = vacancy(3.615);
        Structure perfect = Lattice.fcc("Cu", 3.615).repeat(3, 3, 3);
        Path in = tmp.resolve("v.extxyz"), ref = tmp.resolve("ref.extxyz");
        ExtendedXyz.write(in, List.of(new Frame(v)));
        ExtendedXyz.write(ref, List.of(new Frame(perfect)));
        Path out = tmp.resolve("out.extxyz"), json = tmp.resolve("a.json"), png = tmp.resolve("a.png");
        IoCommandsTest.Run r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "ptm,census", "--reference",
                ref.toString(), "--out", out.toString(), "--json", json.toString(), "--png", png.toString(), "--axis", "1,1,1");
        assertEquals(0, r.code(), r.err());
        Structure back = ExtendedXyz.read(out).get(0).structure();
        String[] ptm = (String[]) back.arrays().get("ptm");
        assertEquals(12, java.util.Arrays.stream(ptm).filter("other"::equals).count(), "the vacancy's 12 neighbours");
        assertEquals(4 * v.size(), ((double[]) back.arrays().get("orientation")).length, "a quaternion per atom");
        JsonNode j = Json.read(json);
        assertEquals(1, j.get("census").get("vacancies").asInt());
        assertEquals(0, j.get("census").get("interstitials").asInt());
        assertEquals(1, j.get("census").get("clusters").get("point").asInt());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        int green = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                java.awt.Color c = new java.awt.Color(img.getRGB(x, y));
                green += c.getGreen() > 150 && c.getRed() < 120 && c.getBlue() < 120 ? 1 : 0;
            }
        }
        assertTrue(green > 1000, "fcc atoms in green: " + green + " pixels");
        r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "census");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("census needs --reference"), r.err());
        r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "ptm", "--png", png.toString(), "--color-by", "q9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--color-by q9"), r.err());
        r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "ptm", "--png", png.toString(), "--axis", "0,0,0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--axis"), r.err());
    }

    /** dxa and nye on the bcc screw quadrupole: two ½⟨111⟩ lines in the JSON, the Nye tensor as a 9-column per-atom array. */
    @Test
    void dislocationLinesAndNyeTensor() throws Exception {
        double a = 2.8553;
        Structure q = org.peierls.defects.ScrewQuadrupole.bcc("Fe", a, org.peierls.defects.ElasticModel.cubic(243, 145, 116), 5, 9, 2,
                org.peierls.analysis.CoreType.EASY).structure();
        Path in = tmp.resolve("q.extxyz"), out = tmp.resolve("q-out.extxyz"), json = tmp.resolve("q.json"), png = tmp.resolve("q.png");
        ExtendedXyz.write(in, List.of(new Frame(q)));
        IoCommandsTest.Run r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "ptm,nye,dxa", "--out", out.toString(),
                "--json", json.toString(), "--png", png.toString(), "--color-by", "nye_norm");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dislocations: 2 line(s) in bcc"), r.out());
        JsonNode d = Json.read(json).get("dislocations");
        assertEquals(2, d.size());
        for (JsonNode l : d) {
            assertTrue(l.get("burgers_label").asText().matches("1/2\\[-?1-?1-?1\\]"), l.toString());
            assertEquals(q.cell().norm(2), l.get("length_a").asDouble(), 0.02 * q.cell().norm(2));
            assertEquals(3, l.get("burgers").size());
            assertTrue(l.get("points").size() >= 2);
        }
        Structure back = ExtendedXyz.read(out).get(0).structure();
        assertEquals(9 * q.size(), ((double[]) back.arrays().get("nye")).length, "nine components per atom");
        assertEquals(q.size(), ((double[]) back.arrays().get("nye_norm")).length);
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 100);
        Path gas = tmp.resolve("sc.extxyz");
        ExtendedXyz.write(gas, List.of(new Frame(Lattice.sc("Ar", 4).repeat(3, 3, 3))));
        r = IoCommandsTest.run("analyze", "--structure", gas.toString(), "--compute", "dxa");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().filter(x -> x.startsWith("peierls:") && x.contains("needs an fcc or bcc crystal")).count(), r.err());
    }

    /** --compute ml: the bundled classifier's ml_class column, fcc for the atoms of a crystal with a vacancy. */
    @Test
    void dataCentricClassifierColumn() throws Exception {
        Path in = tmp.resolve("v.extxyz"), json = tmp.resolve("ml.json");
        ExtendedXyz.write(in, List.of(new Frame(vacancy(3.615))));
        IoCommandsTest.Run r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "ml", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.read(json);
        assertEquals(107, j.get("per_atom").get("ml_class").size());
        assertTrue(j.get("counts").get("ml_class").get("fcc").asInt() >= 95, j.get("counts").toString());
    }

    /** --compute rdf: g(r) and coordination per pair in the JSON (12 neighbors within the first shell of fcc), and its plot. */
    @Test
    void radialDistribution() throws Exception {
        Path in = tmp.resolve("p.extxyz"), json = tmp.resolve("rdf.json"), plot = tmp.resolve("rdf.png");
        ExtendedXyz.write(in, List.of(new Frame(Lattice.fcc("Cu", 3.615).repeat(3, 3, 3))));
        IoCommandsTest.Run r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "rdf", "--rdf-cutoff", "3.0",
                "--rdf-bins", "30", "--json", json.toString(), "--rdf-png", plot.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode rdf = Json.read(json).get("rdf");
        assertEquals(30, rdf.get("r").size());
        assertEquals(12, rdf.get("coord").get("Cu-Cu").get(29).asDouble(), 1e-12);
        assertTrue(javax.imageio.ImageIO.read(plot.toFile()).getWidth() > 100);
        r = IoCommandsTest.run("analyze", "--structure", in.toString(), "--compute", "ptm", "--rdf-png", plot.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("add rdf to --compute"), r.err());
    }
}
