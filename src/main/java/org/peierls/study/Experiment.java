package org.peierls.study;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.peierls.active.Family;
import org.peierls.atoms.Element;
import org.peierls.atoms.LatticeType;
import org.peierls.fit.FitJob;
import org.peierls.fit.ModelKind;
import org.peierls.fit.ModelKinds;
import org.peierls.fit.OptionValues;
import org.peierls.properties.BatteryProperties;
import org.peierls.util.InputException;

/**
 * A teacher–student defect study, as written in an experiment YAML file (schema in
 * docs/experiment.md; keys in snake_case). Every field has a default, so the embedded default
 * experiment and a two-line file both work.
 *
 * @param name         title of the report
 * @param element      chemical symbol
 * @param lattice      bcc or fcc
 * @param a0           lattice constant, Å (null: the teacher's equilibrium value)
 * @param teacher      potential spec of the teacher (labels every configuration)
 * @param seed         seed of every random choice (rattles, MD velocities, train/test split)
 * @param testFraction fraction of each family held out as test configurations
 * @param ladder       family keys in the order the training set grows (each rung adds one)
 * @param students     models to fit on every rung
 * @param weights      default fit weights (energy per atom, force, stress per GPa)
 * @param battery      properties of the defect battery to run
 * @param quick        a reduced study (smaller cells, fewer configurations)
 * @param oracle       what labels the configurations instead of the teacher (an oracle spec of
 *                     {@code peierls label}: {@code cp2k}, {@code lammps:…}, {@code command:…},
 *                     {@code teacher:…}), or null: the teacher. The teacher still makes the
 *                     configurations (relaxations, MD) and is the battery's reference.
 * @param oracleSettings CP2K settings file of the {@code cp2k} oracle, or null for its defaults
 * @param supercell    conventional cells per edge of the bulk and point-defect cells (null: 3)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Experiment(String name, String element, String lattice, Double a0, String teacher, Long seed,
                        Double testFraction, List<String> ladder, List<Student> students, FitWeights weights,
                        List<String> battery, Boolean quick,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String oracle,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String oracleSettings,
                        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Integer supercell) {

    /**
     * A student model: a {@link ModelKind} by name with its options, in the experiment's words.
     *
     * @param name      label in the report
     * @param model     a model kind ({@link ModelKinds}: snap, qsnap, mtp, …)
     * @param reference potential subtracted before fitting and added back (e.g. {@code zbl:1.8,2.3}, a
     *                  short-range repulsive wall below the nearest-neighbour distance); null or "none": nothing
     * @param options   the kind's options by their snake_case names (e.g. twojmax, rcutfac, level),
     *                  as text; the kind's study defaults fill in the others
     *                  ({@link ModelKind#studyDefaults}: SNAP 2J = 6 on 5 Å, MTP level 10, …)
     */
    public record Student(String name, String model, String reference, Map<String, String> options) {
        public Student {
            if (model == null || model.isBlank()) {
                throw new InputException("every student needs a model (" + ModelKinds.names() + ")");
            }
            model = model.trim().toLowerCase(Locale.ROOT);
            String who = name == null || name.isBlank() ? "" : "student " + name + ": ";
            ModelKind<?> kind;
            try {
                kind = ModelKinds.named(model);
            } catch (InputException e) {
                throw new InputException(who + e.getMessage());
            }
            if (name == null || name.isBlank()) {
                name = model;
            }
            options = options == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(options));
            if (reference != null && (reference.isBlank() || reference.trim().equalsIgnoreCase("none"))) {
                reference = null;
            }
            if (reference != null) {
                try {
                    org.peierls.potential.PotentialSpecs.parse(reference.trim());
                } catch (RuntimeException e) {
                    throw new InputException("student " + name + ": reference '" + reference + "': " + e.getMessage());
                }
                reference = reference.trim();
            }
            choice(kind, name, options); // validates the options now, not at the first fit
        }

        /** A student from the keys of its YAML map: name, model, reference, and the model's options. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Student fromKeys(Map<String, Object> keys) {
            Map<String, String> options = new LinkedHashMap<>();
            String name = null, model = null, reference = null;
            for (Map.Entry<String, Object> e : keys.entrySet()) {
                Object v = e.getValue();
                switch (e.getKey()) {
                    case "name" -> name = v == null ? null : String.valueOf(v);
                    case "model" -> model = v == null ? null : String.valueOf(v);
                    case "reference" -> reference = v == null ? null : String.valueOf(v);
                    default -> options.put(e.getKey(), text(v));
                }
            }
            return new Student(name, model, reference, options);
        }

        /** A YAML value as option text: lists joined by commas. */
        private static String text(Object v) {
            if (v instanceof java.util.Collection<?> c) {
                List<String> parts = new ArrayList<>();
                for (Object o : c) {
                    parts.add(String.valueOf(o));
                }
                return String.join(",", parts);
            }
            return v == null ? null : String.valueOf(v);
        }

        /** The model kind. */
        public ModelKind<?> kind() {
            return ModelKinds.named(model);
        }

        /** The kind with its options: the student's, over the kind's study defaults. */
        public FitJob.Choice<?> choice() {
            return choice(kind(), name, options);
        }

        private static FitJob.Choice<?> choice(ModelKind<?> kind, String name, Map<String, String> options) {
            Map<String, String> values = new LinkedHashMap<>(kind.studyDefaults());
            values.putAll(options);
            try {
                return FitJob.Choice.of(kind, OptionValues.ofFile(kind, values, "student " + name));
            } catch (InputException e) {
                String m = e.getMessage();
                throw new InputException(m.startsWith("student ") ? m : "student " + name + ": " + m);
            }
        }
    }

    /** Default fit weights: energy (per atom), force, stress (per GPa). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record FitWeights(Double energy, Double force, Double stress) {
        public FitWeights {
            energy = energy == null ? 100.0 : energy;
            force = force == null ? 1.0 : force;
            stress = stress == null ? 0.0 : stress;
        }
    }

    public Experiment {
        if (element == null) {
            element = "Ta";
        }
        try {
            Element.number(element);
        } catch (IllegalArgumentException e) {
            throw new InputException("experiment: " + e.getMessage());
        }
        lattice = lattice == null ? "bcc" : lattice.trim().toLowerCase(Locale.ROOT);
        if (!lattice.equals("bcc") && !lattice.equals("fcc")) {
            throw new InputException("experiment: lattice must be bcc or fcc, got " + lattice);
        }
        if (a0 != null && !(a0 > 0)) {
            throw new InputException("experiment: a0 must be a positive length in Å");
        }
        if (teacher == null) {
            teacher = "zhou2004:" + element;
        }
        if (name == null) {
            name = element + " teacher–student defect study";
        }
        seed = seed == null ? 1L : seed;
        if (supercell != null && (supercell < 2 || supercell > 8)) {
            throw new InputException("experiment: supercell must be 2…8 conventional cells per edge, got " + supercell);
        }
        testFraction = testFraction == null ? 0.25 : testFraction;
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new InputException("experiment: test_fraction must be in [0, 1), got " + testFraction);
        }
        if (ladder == null || ladder.isEmpty()) {
            ladder = List.of("bulk", "point", "surface", "gsf", "core", "gb");
        }
        List<String> keys = new ArrayList<>();
        for (String f : ladder) {
            String k = Family.parse(f).key();
            if (keys.contains(k)) {
                throw new InputException("experiment: family " + k + " appears twice in the ladder");
            }
            keys.add(k);
        }
        ladder = List.copyOf(keys);
        if (students == null || students.isEmpty()) {
            students = List.of(new Student("snap", "snap", null, Map.of()), new Student("qsnap", "qsnap", null, Map.of()));
        }
        List<String> names = new ArrayList<>();
        for (Student s : students) {
            if (names.contains(s.name())) {
                throw new InputException("experiment: two students are called " + s.name());
            }
            names.add(s.name());
        }
        students = List.copyOf(students);
        weights = weights == null ? new FitWeights(null, null, null) : weights;
        if (battery == null || battery.isEmpty()) {
            battery = List.of("all");
        }
        List<String> labels = new ArrayList<>();
        for (String p : battery) {
            String k = p.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            try {
                for (String q : BatteryProperties.parseList(k, LatticeType.parse(lattice))) {
                    if (!labels.contains(q)) {
                        labels.add(q);
                    }
                }
            } catch (InputException e) {
                throw new InputException("experiment: battery: " + e.getMessage().replace("--only: ", ""));
            }
        }
        battery = List.copyOf(labels);
        quick = quick != null && quick;
    }

    /** 1-based line of the first "key:" in a YAML text (Jackson reports record errors at the end). */
    private static int lineOfKey(String text, String key) {
        String[] lines = text.split("\n", -1);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("^\\s*(-\\s*)?" + java.util.regex.Pattern.quote(key) + "\\s*:");
        for (int i = 0; i < lines.length; i++) {
            if (p.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return lines.length;
    }

    public LatticeType latticeType() {
        return LatticeType.parse(lattice);
    }

    /** The ids of the battery's properties, in run order. */
    public java.util.Set<String> properties() {
        return BatteryProperties.parseList(String.join(",", battery), latticeType());
    }

    public List<Family> families() {
        return ladder.stream().map(Family::parse).toList();
    }

    /** The same experiment, reduced or not. */
    public Experiment withQuick(boolean q) {
        return new Experiment(name, element, lattice, a0, teacher, seed, testFraction, ladder, students, weights, battery, q, oracle,
                oracleSettings, supercell);
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Reads an experiment file; errors name the file and the offending key or line. */
    public static Experiment read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Experiment e = parse(in, file.toString());
            if (e.oracleSettings() != null) {
                // a relative settings path is read beside the experiment file, where its author put it
                Path given = Path.of(e.oracleSettings());
                Path beside = file.toAbsolutePath().getParent().resolve(given);
                Path settings = given.isAbsolute() || Files.exists(given) && !Files.exists(beside) ? given : beside;
                if (!Files.isRegularFile(settings)) {
                    throw new InputException(file + ": oracle_settings " + e.oracleSettings() + " is not a file (looked beside the experiment file)");
                }
                e = new Experiment(e.name(), e.element(), e.lattice(), e.a0(), e.teacher(), e.seed(), e.testFraction(), e.ladder(),
                        e.students(), e.weights(), e.battery(), e.quick(), e.oracle(), settings.toString(), e.supercell());
            }
            return e;
        } catch (NoSuchFileException e) {
            throw new InputException("experiment file " + file + " does not exist");
        } catch (IOException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    /** The embedded default experiment (the Ta study). */
    public static Experiment embeddedDefault() {
        try (InputStream in = Experiment.class.getResourceAsStream("default-experiment.yaml")) {
            return parse(in, "embedded default experiment");
        } catch (IOException e) {
            throw new IllegalStateException("the embedded default experiment is missing from the jar", e);
        }
    }

    static Experiment parse(InputStream in, String source) throws IOException {
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            Experiment e = yaml().readValue(text, Experiment.class);
            if (e == null) {
                throw new InputException(source + " is empty");
            }
            return e;
        } catch (UnrecognizedPropertyException e) {
            throw new InputException(source + ": unknown key '" + e.getPropertyName() + "' (line "
                    + lineOfKey(text, e.getPropertyName()) + "); known keys: " + e.getKnownPropertyIds());
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InputException ie) {
                throw new InputException(source + ": " + ie.getMessage());
            }
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new InputException(source + where + ": " + e.getOriginalMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new InputException(source + where + ": " + e.getOriginalMessage());
        }
    }
}
