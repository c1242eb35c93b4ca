#!/usr/bin/env bash
# A/B of one setting on the bench's own workload processes, alternated in pairs so that the machine's
# drift falls on both sides: each pair runs every workload under A, then under B (or B first on even
# pairs). A and B are environment assignments (VAR=value ..., or "-" for none) given to the child;
# MIXUP_AB_TREE=DIR runs that side from another built checkout (a commit before a change).
#
#   bench/profile/ab.sh PAIRS A B WORKLOAD:WARMUP:TIMED ...
#   bench/profile/ab.sh 3 MIXUP_BLAS_PRELOAD= - mlp:20:200 gan:20:200 speech-vgg:5:15
#   bench/profile/ab.sh 3 MIXUP_AB_TREE=/tmp/before - gan:20:200
#
# Prints one JSON line per run, prefixed with the pair and side; the suite must be built (./mixup
# builds it). Image workloads read Fashion-MNIST from MIXUP_BENCH_IMAGES (default: Debian's copy).
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[ $# -ge 4 ] || { echo "usage: $0 PAIRS A B WORKLOAD:WARMUP:TIMED ..." >&2; exit 2; }
pairs=$1 a=$2 b=$3; shift 3
images="${MIXUP_BENCH_IMAGES:-/usr/share/datasets/fashion-mnist}"
preload="$home/core/target/native/libopenblas.so.0"

run() {  # side, assignments, workload spec
  local side=$1 assign=$2 name warm timed data blas tree="$home"
  IFS=: read -r name warm timed <<< "$3"
  case "$name" in mlp|lenet|fgsm|mlp-mixup-ratio) data="$images" ;; *) data=- ;; esac
  # what the bench's children get: OpenMP, the preloaded BLAS (unless the side empties it), a 2 GB
  # heap and the launcher's quick-scale JavaCPP caps
  blas="$preload"
  for kv in $assign; do
    [ "${kv%%=*}" = MIXUP_BLAS_PRELOAD ] && blas="${kv#*=}"
    [ "${kv%%=*}" = MIXUP_AB_TREE ] && tree="${kv#*=}"
  done
  [ "$assign" = - ] && assign=""
  local out
  out=$(env -u LD_PRELOAD OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE ${blas:+LD_PRELOAD=$blas} $assign \
    java -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=1g -Dorg.bytedeco.javacpp.maxphysicalbytes=2700m \
    -Dorg.eclipse.deeplearning4j.helpers.disable=false -Djdk.lang.processReaperUseDefaultStackSize=true \
    -cp "$tree/app/target/lib/*" org.mixupsuite.bench.BenchWorkload "$name" "$data" "$warm" "$timed" 0 quick 2>/dev/null | tail -1)
  echo "pair$pair $side $name $out"
}

for pair in $(seq "$pairs"); do
  for w in "$@"; do
    if [ $((pair % 2)) = 1 ]; then run A "$a" "$w"; run B "$b" "$w"; else run B "$b" "$w"; run A "$a" "$w"; fi
  done
done
