package org.peierls.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way (DESIGN.md): structure → neighbors → descriptors → model → potential →
 * simulation → properties → uncertainty → oracle → active → study → report → cli. A lower package
 * never imports a higher one; io (file formats) sits just above atoms so every layer from
 * descriptors up may read and write files. optim (problem-agnostic minimizers) sits just above
 * util and atoms so that both the fit and the simulation layer, which may not see each other,
 * share one family of minimizers. uncertainty (scores that need models and training rows) and
 * oracle (labelling) sit below the active-learning loop, which uses both. analysis (the in-silico
 * microscope) looks only at structures: it sits on atoms, neighbors, descriptors and util, below
 * the defect builders and everything that relaxes or reports, and reads no files itself. export
 * (LAMMPS files of potentials, LAMMPS runs, large-scale jobs from the defect builders) sits above
 * properties and below oracle, whose LAMMPS oracle runs exported pair files.
 */
class LayeringTest {

    @Test
    void packagesDependOnlyDownwards() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.peierls");
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("util").definedBy("org.peierls.util..")
                .layer("atoms").definedBy("org.peierls.atoms..")
                .layer("optim").definedBy("org.peierls.optim..")
                .layer("io").definedBy("org.peierls.io..")
                .layer("neighbors").definedBy("org.peierls.neighbors..")
                .layer("descriptor").definedBy("org.peierls.descriptor..")
                .layer("potential").definedBy("org.peierls.potential..")
                .layer("model").definedBy("org.peierls.model..")
                .layer("fit").definedBy("org.peierls.fit..")
                .layer("sim").definedBy("org.peierls.sim..")
                .layer("defects").definedBy("org.peierls.defects..")
                .layer("analysis").definedBy("org.peierls.analysis..")
                .layer("properties").definedBy("org.peierls.properties..")
                .layer("export").definedBy("org.peierls.export..")
                .layer("uncertainty").definedBy("org.peierls.uncertainty..")
                .layer("oracle").definedBy("org.peierls.oracle..")
                .layer("active").definedBy("org.peierls.active..")
                .layer("study").definedBy("org.peierls.study..")
                .layer("report").definedBy("org.peierls.report..")
                .layer("cli").definedBy("org.peierls.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("study").mayOnlyBeAccessedByLayers("report", "cli")
                .whereLayer("active").mayOnlyBeAccessedByLayers("study", "report", "cli")
                .whereLayer("oracle").mayOnlyBeAccessedByLayers("active", "study", "report", "cli")
                .whereLayer("uncertainty").mayOnlyBeAccessedByLayers("active", "study", "report", "cli")
                .whereLayer("export").mayOnlyBeAccessedByLayers("oracle", "active", "study", "report", "cli")
                .whereLayer("properties").mayOnlyBeAccessedByLayers("uncertainty", "active", "study", "report", "cli", "export")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("defects", "properties", "uncertainty", "study", "active", "report", "cli", "export")
                .whereLayer("defects").mayOnlyBeAccessedByLayers("properties", "study", "active", "report", "cli", "export")
                .whereLayer("sim").mayOnlyBeAccessedByLayers("defects", "study", "properties", "active", "report", "cli")
                .whereLayer("fit").mayOnlyBeAccessedByLayers("uncertainty", "active", "study", "report", "cli", "properties")
                .whereLayer("model").mayOnlyBeAccessedByLayers("fit", "study", "sim", "properties", "uncertainty", "active", "report", "cli", "export")
                .whereLayer("potential").mayOnlyBeAccessedByLayers("model", "study", "fit", "sim", "defects", "properties", "uncertainty", "oracle", "active", "report", "cli", "export")
                .whereLayer("descriptor").mayOnlyBeAccessedByLayers("potential", "study", "model", "fit", "analysis", "properties", "uncertainty", "active", "report", "cli", "export")
                .whereLayer("neighbors").mayOnlyBeAccessedByLayers("descriptor", "study", "potential", "model", "fit", "sim", "defects", "analysis", "properties", "uncertainty", "oracle", "active", "report", "cli", "export")
                .whereLayer("optim").mayOnlyBeAccessedByLayers("io", "neighbors", "descriptor", "potential", "model", "fit", "sim", "defects", "analysis", "properties", "uncertainty", "oracle", "active", "study", "report", "cli", "export")
                .whereLayer("optim").mayOnlyAccessLayers("util", "atoms")
                .whereLayer("io").mayOnlyBeAccessedByLayers("descriptor", "analysis", "study", "potential", "model", "fit", "sim", "defects", "properties", "uncertainty", "oracle", "active", "report", "cli", "export")
                .check(classes);
    }
}
