package org.peierls.oracle;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.peierls.util.InputException;

/**
 * Settings of a CP2K Quickstep (GPW, PBE) label. Defaults suit metals and semiconductors with
 * MOLOPT basis sets at a moderate cost; every field can be set in YAML ({@link #read}):
 *
 * <pre>
 * cutoff_ry: 400           # plane-wave cutoff of the finest grid, Ry
 * rel_cutoff_ry: 50        # cutoff of the reference grid a Gaussian is mapped to, Ry
 * kpoint_spacing: 0.25     # largest spacing of the Monkhorst–Pack mesh, 2π/Å (0: Γ only)
 * smearing_k: 1000         # Fermi–Dirac electronic temperature, K (0: no smearing)
 * eps_scf: 1.0e-7          # SCF convergence on the density, a.u.
 * max_scf: 100
 * threads: 1               # OpenMP threads per CP2K process
 * timeout_s: 3600
 * elements:
 *   Si: {basis: DZVP-MOLOPT-SR-GTH, potential: GTH-PBE-q4}
 * </pre>
 *
 * @param elements per element (symbol) basis set and pseudopotential names; missing ones are found
 *                 in the CP2K data folder ({@link Cp2kData})
 */
public record Cp2kSettings(@JsonProperty("cutoff_ry") double cutoffRy, @JsonProperty("rel_cutoff_ry") double relCutoffRy,
                           @JsonProperty("kpoint_spacing") double kpointSpacing, @JsonProperty("smearing_k") double smearingK,
                           @JsonProperty("eps_scf") double epsScf, @JsonProperty("max_scf") int maxScf,
                           @JsonProperty("threads") int threads, @JsonProperty("timeout_s") int timeoutSeconds,
                           @JsonProperty("elements") Map<String, Kind> elements) {

    /**
     * Basis set and pseudopotential of one element.
     *
     * @param basis     e.g. {@code DZVP-MOLOPT-SR-GTH}
     * @param potential e.g. {@code GTH-PBE-q4}
     */
    public record Kind(@JsonProperty("basis") String basis, @JsonProperty("potential") String potential) {
    }

    public Cp2kSettings {
        elements = elements == null ? Map.of() : new TreeMap<>(elements);
        check(cutoffRy > 0 && Double.isFinite(cutoffRy), "cutoff_ry must be positive, got " + cutoffRy);
        check(relCutoffRy > 0 && Double.isFinite(relCutoffRy), "rel_cutoff_ry must be positive, got " + relCutoffRy);
        check(kpointSpacing >= 0 && Double.isFinite(kpointSpacing), "kpoint_spacing must be ≥ 0 (0: Γ only), got " + kpointSpacing);
        check(smearingK >= 0 && Double.isFinite(smearingK), "smearing_k must be ≥ 0 K, got " + smearingK);
        check(epsScf > 0 && epsScf < 1e-3, "eps_scf must be in (0, 1e-3), got " + epsScf);
        check(maxScf >= 1, "max_scf must be ≥ 1, got " + maxScf);
        check(threads >= 1, "threads must be ≥ 1, got " + threads);
        check(timeoutSeconds >= 1, "timeout_s must be ≥ 1, got " + timeoutSeconds);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new InputException("cp2k settings: " + message);
        }
    }

    /** The defaults (see the class comment). */
    public static Cp2kSettings defaults() {
        return new Cp2kSettings(400, 50, 0.25, 1000, 1e-7, 100, 1, 3600, Map.of());
    }

    /** The same with another cutoff and k-point spacing (convergence scans). */
    public Cp2kSettings with(double cutoff, double spacing) {
        return new Cp2kSettings(cutoff, relCutoffRy, spacing, smearingK, epsScf, maxScf, threads, timeoutSeconds, elements);
    }

    /** One line for provenance (and the cache key). */
    public String describe() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "cp2k PBE GPW cutoff %.0f Ry rel %.0f Ry kspacing %.3f smear %.0f K eps_scf %.0e", cutoffRy, relCutoffRy,
                kpointSpacing, smearingK, epsScf));
        elements.forEach((el, k) -> sb.append(' ').append(el).append('=').append(k.basis()).append('/').append(k.potential()));
        return sb.toString();
    }

    /**
     * Settings from a YAML file; fields not given keep their defaults; unknown keys, duplicate
     * keys and wrong types are refused with the file name.
     */
    public static Cp2kSettings read(Path file) {
        ObjectMapper m = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        try {
            Cp2kSettings d = defaults();
            return m.readerForUpdating(new Mutable(d)).<Mutable>readValue(file.toFile()).build();
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw InputException.in(file, "cp2k settings: " + msg);
        }
    }

    /** A mutable copy for Jackson's update-in-place reading (so that absent fields keep defaults). */
    static final class Mutable {
        @JsonProperty("cutoff_ry") public double cutoffRy;
        @JsonProperty("rel_cutoff_ry") public double relCutoffRy;
        @JsonProperty("kpoint_spacing") public double kpointSpacing;
        @JsonProperty("smearing_k") public double smearingK;
        @JsonProperty("eps_scf") public double epsScf;
        @JsonProperty("max_scf") public int maxScf;
        @JsonProperty("threads") public int threads;
        @JsonProperty("timeout_s") public int timeoutSeconds;
        @JsonProperty("elements") public Map<String, Kind> elements;

        Mutable() {
        }

        Mutable(Cp2kSettings s) {
            cutoffRy = s.cutoffRy();
            relCutoffRy = s.relCutoffRy();
            kpointSpacing = s.kpointSpacing();
            smearingK = s.smearingK();
            epsScf = s.epsScf();
            maxScf = s.maxScf();
            threads = s.threads();
            timeoutSeconds = s.timeoutSeconds();
            elements = s.elements();
        }

        Cp2kSettings build() {
            return new Cp2kSettings(cutoffRy, relCutoffRy, kpointSpacing, smearingK, epsScf, maxScf, threads, timeoutSeconds, elements);
        }
    }
}
