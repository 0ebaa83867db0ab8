package org.peierls.atoms;

/**
 * Unit conversions for LAMMPS "metal" units (Å, eV, ps, amu, K), the units of Peierls.
 * Energy/length conversions are exact SI 2019 values; the dynamics constants are those of LAMMPS's
 * metal units so that trajectories agree with LAMMPS.
 */
public final class Units {
    private Units() {
    }

    /**
     * 1 eV/Å³ in GPa: exact since the 2019 SI (e = 1.602176634e-19 C). LAMMPS 2021/2022 uses
     * 160.21765 (its {@code nktv2p}); the two differ by 8e-8 relative, which matters only when
     * comparing against LAMMPS pressures in bar to better than that (compare in bar there).
     */
    public static final double EV_PER_A3_TO_GPA = 160.2176634;
    /** 1 eV/Å³ in bar (LAMMPS metal pressure unit). */
    public static final double EV_PER_A3_TO_BAR = EV_PER_A3_TO_GPA * 1.0e4;
    /** 1 eV/Å³ in kbar (VASP stress unit). */
    public static final double EV_PER_A3_TO_KBAR = EV_PER_A3_TO_GPA * 10.0;
    /** 1 J/m² in eV/Å². */
    public static final double J_PER_M2_TO_EV_PER_A2 = 1.0 / 16.02176634;
    /** Boltzmann constant, eV/K (LAMMPS metal units). */
    public static final double BOLTZMANN_EV_PER_K = 8.617343e-5;
    /**
     * m·v² with m in amu and v in Å/ps, converted to eV (LAMMPS metal {@code mvv2e}).
     */
    public static final double MVV2E = 1.0364269e-4;
    /** Conversion from force/mass (eV/Å/amu) to acceleration in Å/ps² (LAMMPS {@code ftm2v} inverse). */
    public static final double FTM2V = 1.0 / 1.0364269e-4;
    /** ASE's time unit Å·sqrt(amu/eV) in ps (ASE stores momenta as amu·Å/that unit). */
    public static final double ASE_TIME_PS = 1.0e12 * 1.0e-10 * Math.sqrt(1.66053906660e-27 / 1.602176634e-19);
}
