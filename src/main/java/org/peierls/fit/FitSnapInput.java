package org.peierls.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.io.FitSnapJson;
import org.peierls.potential.pair.Zbl;
import org.peierls.util.InputException;

/**
 * A FitSNAP input file ({@code *.in}, INI sections) read into a {@link Dataset} and
 * {@link SnapSettings}, so that FitSNAP users can fit with Peierls without rewriting their setup.
 *
 * <p>Understood: {@code [BISPECTRUM]} numTypes, twojmax, rcutfac, rfac0, rmin0, wj/radelem/type
 * (space-separated lists or wj1, radelem1, type1 …), bzeroflag, quadraticflag, switchflag,
 * bnormflag, wselfallflag and chemflag (0 only); {@code [CALCULATOR]} energy/force/stress
 * switches; {@code [ESHIFT]} per element (added to DFT energies by FitSNAP, i.e. a reference
 * energy e0 = −eshift); {@code [SOLVER]} solver = SVD (scipy lstsq with cut-off 1e-13);
 * {@code [SCRAPER]} JSON; {@code [PATH]} dataPath (relative to the input file);
 * {@code [OUTFILE]} metrics, potential; {@code [REFERENCE]} units metal, {@code pair_style}
 * {@code zero}/{@code zbl}/{@code hybrid/overlay} of them with {@code pair_coeff * * zbl Z Z};
 * {@code [GROUPS]} group_sections/group_types and one line per group (training_size,
 * testing_size as fractions or counts, eweight, fweight, vweight), random_sampling,
 * smartweights 0. Groups take their files in natural name order (FitSNAP takes the file-system
 * order): the first training_size are fitted, the next testing_size tested, any rest unused;
 * with random_sampling the files are shuffled with {@code seed} first.</p>
 *
 * <p>Units: FitSNAP's rows are energy per atom (eV/atom), forces (eV/Å), stress in bar; its
 * weights multiply the rows. Peierls' stress rows are in GPa, so vweight per bar becomes
 * vweight·10⁴ per GPa and the weighted residuals are the same.</p>
 *
 * @param file        the input file
 * @param settings    bispectrum, model kind, reference, solver
 * @param data        the configurations with roles and group weights
 * @param potential   [OUTFILE] potential base name (e.g. "Ta_pot")
 * @param metricsName [OUTFILE] metrics file name (e.g. "Ta_metrics.md")
 */
public record FitSnapInput(Path file, SnapSettings settings, Dataset data, String potential, String metricsName) {

    /** Reads a FitSNAP input file and its data. */
    public static FitSnapInput read(Path file, long seed) {
        Map<String, Map<String, String>> ini = parse(file);
        Map<String, String> bis = section(ini, "BISPECTRUM");
        int ntypes = integer(file, bis, "numTypes", 1);
        int twojmax = integer(file, bis, "twojmax", 6);
        double rcutfac = number(file, bis, "rcutfac", 4.67637);
        double rfac0 = number(file, bis, "rfac0", 0.99363);
        double rmin0 = number(file, bis, "rmin0", 0.0);
        String[] types = perType(file, bis, "type", ntypes, null);
        String[] wjs = perType(file, bis, "wj", ntypes, "1.0");
        String[] rads = perType(file, bis, "radelem", ntypes, "0.5");
        int[] z = new int[ntypes];
        double[] wj = new double[ntypes];
        double[] rad = new double[ntypes];
        for (int t = 0; t < ntypes; t++) {
            if (!Element.isSymbol(types[t])) {
                throw new InputException(file + ": [BISPECTRUM] type '" + types[t] + "' is not an element symbol");
            }
            z[t] = Element.number(types[t]);
            wj[t] = parse(file, "wj", wjs[t]);
            rad[t] = parse(file, "radelem", rads[t]);
        }
        boolean bzero = flag(file, bis, "bzeroflag", false);
        boolean quadratic = flag(file, bis, "quadraticflag", false);
        boolean switchOn = flag(file, bis, "switchflag", true);
        boolean bnorm = flag(file, bis, "bnormflag", false);
        if (flag(file, bis, "chemflag", false)) {
            throw new InputException(file + ": [BISPECTRUM] chemflag 1 (explicit multi-element SNAP) is not supported");
        }
        if (flag(file, bis, "wselfallflag", false) && ntypes > 1) {
            throw new InputException(file + ": [BISPECTRUM] wselfallflag 1 with several types is not supported");
        }
        BispectrumParameters bp;
        try {
            bp = new BispectrumParameters(rcutfac, twojmax, rfac0, rmin0, switchOn, bzero, bnorm, z, rad, wj);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": [BISPECTRUM] " + e.getMessage());
        }

        Map<String, String> calc = section(ini, "CALCULATOR");
        String calculator = calc.getOrDefault("calculator", "LAMMPSSNAP");
        if (!calculator.equalsIgnoreCase("LAMMPSSNAP")) {
            throw new InputException(file + ": [CALCULATOR] calculator " + calculator + " is not supported (LAMMPSSNAP)");
        }
        boolean useE = flag(file, calc, "energy", true);
        boolean useF = flag(file, calc, "force", true);
        boolean useS = flag(file, calc, "stress", true);

        Map<Integer, Double> e0 = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : section(ini, "ESHIFT").entrySet()) {
            if (!Element.isSymbol(e.getKey())) {
                throw new InputException(file + ": [ESHIFT] '" + e.getKey() + "' is not an element symbol");
            }
            double shift = parse(file, "ESHIFT " + e.getKey(), e.getValue());
            e0.put(Element.number(e.getKey()), shift == 0 ? 0.0 : -shift);
        }

        Map<String, String> solverSec = section(ini, "SOLVER");
        String solverName = solverSec.getOrDefault("solver", "SVD");
        if (!solverName.equalsIgnoreCase("SVD")) {
            throw new InputException(file + ": [SOLVER] solver " + solverName + " is not supported (SVD)");
        }
        Map<String, String> scraper = section(ini, "SCRAPER");
        if (!scraper.getOrDefault("scraper", "JSON").equalsIgnoreCase("JSON")) {
            throw new InputException(file + ": [SCRAPER] scraper " + scraper.get("scraper") + " is not supported (JSON)");
        }
        Map<String, String> pathSec = section(ini, "PATH");
        Path base = file.toAbsolutePath().getParent();
        Path dataPath = base.resolve(pathSec.getOrDefault("dataPath", "JSON"));
        Map<String, String> out = section(ini, "OUTFILE");

        Zbl zbl = reference(file, section(ini, "REFERENCE"), z);
        Reference reference = new Reference(zbl == null ? null : "zbl:" + zbl.inner() + "," + zbl.outer(), zbl, e0);

        // groups
        Map<String, String> groups = section(ini, "GROUPS");
        String[] sections = groups.getOrDefault("group_sections", "name size eweight fweight vweight").trim().split("\\s+");
        String[] gtypes = groups.getOrDefault("group_types", "str float float float float").trim().split("\\s+");
        if (sections.length != gtypes.length) {
            throw new InputException(file + ": [GROUPS] group_sections has " + sections.length + " names but group_types "
                    + gtypes.length);
        }
        if (flag(file, groups, "smartweights", false)) {
            throw new InputException(file + ": [GROUPS] smartweights 1 is not supported");
        }
        if (groups.containsKey("BOLTZ") && parse(file, "BOLTZ", groups.get("BOLTZ")) != 0) {
            throw new InputException(file + ": [GROUPS] BOLTZ (Boltzmann energy weighting) is not supported");
        }
        boolean random = flag(file, groups, "random_sampling", false);
        List<Configuration> configs = new ArrayList<>();
        Map<String, Weights> weights = new LinkedHashMap<>();
        for (Map.Entry<String, String> g : groups.entrySet()) {
            String name = g.getKey();
            if (List.of("group_sections", "group_types", "smartweights", "random_sampling", "BOLTZ").contains(name)) {
                continue;
            }
            String[] v = g.getValue().trim().split("\\s+");
            if (v.length != sections.length - 1) {
                throw new InputException(file + ": [GROUPS] " + name + " has " + v.length + " values, group_sections names "
                        + (sections.length - 1));
            }
            Map<String, Double> row = new LinkedHashMap<>();
            Map<String, String> rowType = new LinkedHashMap<>();
            for (int k = 1; k < sections.length; k++) {
                row.put(sections[k], parse(file, "[GROUPS] " + name + " " + sections[k], v[k - 1]));
                rowType.put(sections[k], gtypes[k]);
            }
            double ew = row.getOrDefault("eweight", 0.0), fw = row.getOrDefault("fweight", 0.0),
                    vw = row.getOrDefault("vweight", 0.0);
            try {
                weights.put(name, new Weights(useE ? ew : 0, useF ? fw : 0, useS ? vw * 1e4 : 0));
            } catch (IllegalArgumentException e) {
                throw new InputException(file + ": [GROUPS] " + name + ": " + e.getMessage());
            }
            Path folder = dataPath.resolve(name);
            List<Path> files = groupFiles(file, folder);
            if (files.isEmpty()) {
                throw new InputException(file + ": [GROUPS] group " + name + " is empty: no JSON files in " + folder);
            }
            if (random) {
                int[] order = Dataset.shuffled(files.size(), seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L));
                List<Path> sh = new ArrayList<>();
                for (int o : order) {
                    sh.add(files.get(o));
                }
                files = sh;
            }
            int nfiles = files.size();
            boolean hasSize = row.containsKey("size");
            double train = hasSize ? row.get("size") : row.getOrDefault("training_size", Double.NaN);
            if (Double.isNaN(train)) {
                throw new InputException(file + ": [GROUPS] " + name + ": set training_size (or size)");
            }
            double test = row.getOrDefault("testing_size", 0.0);
            String trainType = rowType.getOrDefault(hasSize ? "size" : "training_size", "float");
            String testType = rowType.getOrDefault("testing_size", "float");
            int nTrain = count(train, trainType, nfiles, true);
            int nTest = count(test, testType, nfiles, false);
            if (hasSize && !row.containsKey("testing_size") && (train < 1 || train == 1 && trainType.equals("float"))) {
                nTest = nfiles - nTrain;
            }
            if (nTrain + nTest > nfiles) {
                throw new InputException(file + ": [GROUPS] " + name + ": training size " + nTrain + " + testing size "
                        + nTest + " exceeds the " + nfiles + " files in " + folder);
            }
            for (int k = 0; k < nfiles; k++) {
                Role role = k < nTrain ? Role.TRAIN : k < nTrain + nTest ? Role.TEST : Role.UNUSED;
                List<Frame> frames = FitSnapJson.read(files.get(k));
                Path rel = base.relativize(files.get(k).toAbsolutePath());
                for (int q = 0; q < frames.size(); q++) {
                    String cname = rel + (frames.size() == 1 ? "" : "#" + q);
                    configs.add(Dataset.configuration(cname, frames.get(q)).withGroup(name).withRole(role));
                }
            }
        }
        if (configs.isEmpty()) {
            throw new InputException(file + ": [GROUPS] lists no groups");
        }
        Dataset data = Dataset.of(configs).withWeights(new Weights(0, 0, 0), weights);
        SnapSettings settings = new SnapSettings(bp, quadratic, true, reference, new SvdSolver(SvdSolver.FITSNAP_RCOND));
        return new FitSnapInput(file, settings, data, out.getOrDefault("potential", "fitsnap_pot"),
                out.getOrDefault("metrics", "fitsnap_metrics.md"));
    }

    /** FitSNAP's reading of training_size/testing_size: a fraction (&lt; 1, or 1 of a float column) or a count. */
    private static int count(double size, String type, int nfiles, boolean training) {
        if (size == 0) {
            return 0;
        }
        if (size < 1 || (size == 1 && type.equals("float"))) {
            if (size == 1) {
                return nfiles;
            }
            return Math.max(1, (int) (Math.abs(size) * nfiles + 0.5));
        }
        if (size != Math.rint(size)) {
            throw new InputException((training ? "training" : "testing") + " size " + size + " is neither a fraction nor a whole count");
        }
        return (int) size;
    }

    private static List<Path> groupFiles(Path input, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InputException(input + ": [GROUPS] group folder " + folder + " does not exist");
        }
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = new ArrayList<>(s.filter(p -> Files.isRegularFile(p)
                    && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")).toList());
            files.sort((a, b) -> org.peierls.util.NaturalOrder.compare(a.getFileName().toString(), b.getFileName().toString()));
            return files;
        } catch (IOException e) {
            throw new InputException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The [REFERENCE] pair style as a potential (null for none or zero). */
    static Zbl reference(Path file, Map<String, String> ref, int[] elements) {
        String units = ref.getOrDefault("units", "metal");
        if (!units.equalsIgnoreCase("metal")) {
            throw new InputException(file + ": [REFERENCE] units " + units + " are incompatible: Peierls uses LAMMPS metal units");
        }
        String style = ref.getOrDefault("pair_style", "zero 10.0").trim();
        String[] w = style.split("\\s+");
        List<String[]> styles = new ArrayList<>();
        int at = 0;
        if (w[0].equals("hybrid/overlay") || w[0].equals("hybrid")) {
            at = 1;
        }
        while (at < w.length) {
            String s = w[at++];
            List<String> args = new ArrayList<>();
            args.add(s);
            while (at < w.length && isNumber(w[at])) {
                args.add(w[at++]);
            }
            styles.add(args.toArray(new String[0]));
        }
        Zbl zbl = null;
        for (String[] s : styles) {
            switch (s[0]) {
                case "zero" -> {
                }
                case "zbl" -> {
                    if (s.length != 3) {
                        throw new InputException(file + ": [REFERENCE] pair_style zbl needs inner and outer cutoffs");
                    }
                    zbl = new Zbl(Double.parseDouble(s[1]), Double.parseDouble(s[2]));
                }
                default -> throw new InputException(file + ": [REFERENCE] pair style '" + s[0]
                        + "' is not supported (zero, zbl, hybrid/overlay of them)");
            }
        }
        for (Map.Entry<String, String> e : ref.entrySet()) {
            if (!e.getKey().startsWith("pair_coeff")) {
                continue;
            }
            String[] c = e.getValue().trim().split("\\s+");
            if (c.length >= 3 && c[2].equals("zbl")) {
                if (c.length != 5) {
                    throw new InputException(file + ": [REFERENCE] " + e.getKey() + ": expected 'I J zbl Zi Zj'");
                }
                int[] ti = typeRange(file, c[0], elements.length), tj = typeRange(file, c[1], elements.length);
                double zi = Double.parseDouble(c[3]), zj = Double.parseDouble(c[4]);
                for (int a = ti[0]; a <= ti[1]; a++) {
                    for (int b = tj[0]; b <= tj[1]; b++) {
                        if (zi != elements[a] || zj != elements[b]) {
                            throw new InputException(file + ": [REFERENCE] " + e.getKey() + ": zbl charges " + c[3] + " "
                                    + c[4] + " differ from the atomic numbers of types " + (a + 1) + " " + (b + 1)
                                    + " (" + elements[a] + ", " + elements[b] + "); only nuclear charges are supported");
                        }
                    }
                }
            }
        }
        return zbl;
    }

    private static int[] typeRange(Path file, String s, int n) {
        if (s.equals("*")) {
            return new int[]{0, n - 1};
        }
        try {
            int t = Integer.parseInt(s);
            if (t < 1 || t > n) {
                throw new NumberFormatException();
            }
            return new int[]{t - 1, t - 1};
        } catch (NumberFormatException e) {
            throw new InputException(file + ": [REFERENCE] pair_coeff type '" + s + "' is not * or 1…" + n);
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ INI parsing

    /** Sections → (key → value), keys case-preserving; '#' and ';' start full-line comments. */
    static Map<String, Map<String, String>> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> cur = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw InputException.at(file, i + 1, "section header must end with ']'");
                }
                String name = line.substring(1, line.length() - 1).trim().toUpperCase(Locale.ROOT);
                cur = out.computeIfAbsent(name, k -> new LinkedHashMap<>());
                continue;
            }
            if (cur == null) {
                throw InputException.at(file, i + 1, "expected a [SECTION] header before '" + line + "'");
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw InputException.at(file, i + 1, "expected 'key = value', found '" + line + "'");
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            if (cur.put(key, value) != null) {
                throw InputException.at(file, i + 1, "key '" + key + "' given twice in its section");
            }
        }
        return out;
    }

    private static Map<String, String> section(Map<String, Map<String, String>> ini, String name) {
        return ini.getOrDefault(name, Map.of());
    }

    private static String get(Map<String, String> sec, String key) {
        for (Map.Entry<String, String> e : sec.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String[] perType(Path file, Map<String, String> sec, String key, int ntypes, String def) {
        String[] out = new String[ntypes];
        String list = get(sec, key);
        if (list != null) {
            String[] w = list.trim().split("\\s+");
            if (w.length != ntypes) {
                throw new InputException(file + ": [BISPECTRUM] " + key + " lists " + w.length + " values for numTypes " + ntypes);
            }
            return w;
        }
        for (int t = 0; t < ntypes; t++) {
            String v = get(sec, key + (t + 1));
            if (v == null) {
                if (def == null) {
                    throw new InputException(file + ": [BISPECTRUM] set " + key + " (or " + key + (t + 1) + ")");
                }
                v = def;
            }
            out[t] = v.trim();
        }
        return out;
    }

    private static int integer(Path file, Map<String, String> sec, String key, int def) {
        String v = get(sec, key);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new InputException(file + ": " + key + " '" + v + "' is not a whole number");
        }
    }

    private static double number(Path file, Map<String, String> sec, String key, double def) {
        String v = get(sec, key);
        return v == null ? def : parse(file, key, v);
    }

    private static double parse(Path file, String what, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InputException(file + ": " + what + " '" + v + "' is not a number");
        }
    }

    private static boolean flag(Path file, Map<String, String> sec, String key, boolean def) {
        String v = get(sec, key);
        if (v == null) {
            return def;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new InputException(file + ": " + key + " must be 0 or 1, got '" + v + "'");
        };
    }
}
