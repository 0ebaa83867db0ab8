#!/usr/bin/env bash
# Builds a LAMMPS with ML-SNAP and ML-IAP (which Debian's binary package lacks) from Debian's own
# source package of the installed `lammps` version, so that exported SNAP/qSNAP potentials can be run
# by the engine users hand large jobs to. Installs to a fixed prefix and skips the build when the
# prefix already holds a binary built from the same source version.
#
#   scripts/build-lammps.sh [PREFIX]        (default: $PEIERLS_LAMMPS_PREFIX or /opt/peierls-lammps)
#
# Afterwards: export PEIERLS_LMP=PREFIX/bin/lmp   (the tests and `peierls export --verify` read it).
# Needs root for apt-get (as in CI); about 5–10 minutes on two cores.
set -euo pipefail
PREFIX="${1:-${PEIERLS_LAMMPS_PREFIX:-/opt/peierls-lammps}}"
export DEBIAN_FRONTEND=noninteractive
log() { echo "build-lammps: $*" >&2; }

if ! dpkg-query -W -f='${Status}' lammps 2>/dev/null | grep -q 'install ok installed'; then
  apt-get update -qq
  apt-get install -y -qq lammps >/dev/null
fi
VERSION="$(dpkg-query -W -f='${source:Version}' lammps)"
if [[ -x "$PREFIX/bin/lmp" && -f "$PREFIX/SOURCE_VERSION" && "$(cat "$PREFIX/SOURCE_VERSION")" == "$VERSION" ]]; then
  log "$PREFIX/bin/lmp is already built from lammps $VERSION; nothing to do"
  exit 0
fi

# Debian's deb822 sources list only binary archives; add the matching source archives beside them.
SRC_LIST=/etc/apt/sources.list.d/peierls-deb-src.sources
if [[ ! -f "$SRC_LIST" ]]; then
  for f in /etc/apt/sources.list.d/*.sources; do
    grep -q 'debian.org' "$f" || continue
    sed -e 's/^Types:.*/Types: deb-src/' "$f"
    echo
  done > "$SRC_LIST.tmp"
  mv "$SRC_LIST.tmp" "$SRC_LIST"
fi
if [[ -f /etc/apt/sources.list ]] && grep -q '^deb http' /etc/apt/sources.list; then
  grep '^deb http' /etc/apt/sources.list | grep 'debian.org' | sed 's/^deb /deb-src /' > /etc/apt/sources.list.d/peierls-deb-src.list || true
fi
log "fetching the source package lammps $VERSION"
apt-get update -qq
apt-get install -y -qq cmake g++ make libopenmpi-dev openmpi-bin dpkg-dev >/dev/null

WORK="${PEIERLS_LAMMPS_WORK:-/var/tmp/peierls-lammps-build}"
rm -rf "$WORK"; mkdir -p "$WORK"; cd "$WORK"
apt-get source -qq "lammps=$VERSION" >/dev/null
SRC="$(find "$WORK" -maxdepth 1 -mindepth 1 -type d -name 'lammps-*' | head -1)"
[[ -n "$SRC" && -d "$SRC/cmake" ]] || { log "the source package did not unpack to lammps-*/cmake"; exit 1; }

mkdir -p "$SRC/build"; cd "$SRC/build"
log "configuring (ML-SNAP, ML-IAP, MANYBODY, EXTRA-COMPUTE, REPLICA, MPI)"
cmake ../cmake -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" -DBUILD_MPI=on \
  -DPKG_ML-SNAP=on -DPKG_ML-IAP=on -DPKG_MANYBODY=on -DPKG_EXTRA-COMPUTE=on -DPKG_REPLICA=on \
  -DWITH_JPEG=off -DWITH_PNG=off -DWITH_FFMPEG=off -DWITH_GZIP=on -DBUILD_TOOLS=off -DBUILD_DOC=off \
  > "$WORK/cmake.log" 2>&1 || { tail -30 "$WORK/cmake.log" >&2; exit 1; }
log "compiling with $(nproc) jobs (log: $WORK/make.log)"
start=$(date +%s)
make -j"$(nproc)" > "$WORK/make.log" 2>&1 || { tail -40 "$WORK/make.log" >&2; exit 1; }
mkdir -p "$PREFIX/bin" "$PREFIX/share"
install -m 755 lmp "$PREFIX/bin/lmp.tmp" && mv "$PREFIX/bin/lmp.tmp" "$PREFIX/bin/lmp"
# The ML-IAP and SNAP examples (Ta06A etc.) are reference inputs for the cross-checks.
rm -rf "$PREFIX/share/examples"; mkdir -p "$PREFIX/share/examples"
# Debian's source (+ds) drops the potentials folder the examples link to; Debian's lammps-data has the files.
for ex in mliap snap; do
  [[ -d "$SRC/examples/$ex" ]] || continue
  mkdir -p "$PREFIX/share/examples/$ex"
  for f in "$SRC/examples/$ex"/*; do
    b="$(basename "$f")"
    if [[ -f "$f" ]]; then cp -L "$f" "$PREFIX/share/examples/$ex/$b"
    elif [[ ! -e "$f" && -f "/usr/share/lammps/potentials/$b" ]]; then cp -L "/usr/share/lammps/potentials/$b" "$PREFIX/share/examples/$ex/$b"
    fi
  done
done
echo "$VERSION" > "$PREFIX/SOURCE_VERSION"
log "built $PREFIX/bin/lmp from lammps $VERSION in $(( $(date +%s) - start )) s"
"$PREFIX/bin/lmp" -h | grep -A3 -i 'installed packages' >&2 || true
