#!/usr/bin/env bash
# On a machine with an NVIDIA GPU: builds the suite with ND4J's CUDA backend (mvn -Pgpu, a copy of
# the tree so the CPU build that ./mixup uses is left alone) and times a paper-scale training step
# of PreAct ResNet-18 and of VGG-11, printing examples/s and the device.
#   data-scripts/gpu-smoke.sh [timed steps, default 20]
# MIXUP_GPU_PROFILES=gpu,cuda-redist also brings JavaCPP's CUDA 11.6 / cuDNN 8.3 (1.8 GB) for a
# machine without them installed. Exit 3: no GPU; 4: the CUDA build did not run on this GPU.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
steps="${1:-20}"
profiles="${MIXUP_GPU_PROFILES:-gpu}"

if ! command -v nvidia-smi >/dev/null 2>&1 || ! nvidia-smi -L >/dev/null 2>&1; then
  echo "gpu-smoke: no NVIDIA GPU here (nvidia-smi is missing or lists none); nothing was timed" >&2
  exit 3
fi
echo "gpu-smoke: device"
nvidia-smi --query-gpu=name,driver_version,memory.total,compute_cap --format=csv,noheader || nvidia-smi -L

build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
(cd "$home" && git ls-files -co --exclude-standard -- . ':!data' ':!reports/runs' | tar -cf - -T -) | tar -xf - -C "$build"
echo "gpu-smoke: building with -P$profiles (nd4j-cuda-11.6 1.0.0-M2.1, cuDNN) in $build ..." >&2
(cd "$build" && mvn -B -q -P"$profiles" -DskipTests package >&2)

log="$build/gpu-smoke.log"
set +e
OMP_NUM_THREADS="${OMP_NUM_THREADS:-4}" java -Xmx8g -Djava.awt.headless=true \
  -cp "$build/app/target/lib/*" org.mixupsuite.bench.GpuSmoke "$steps" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
if [ "$rc" != 0 ] || ! grep -q "^backend: CudaBackend" "$log"; then
  echo >&2
  echo "gpu-smoke: ND4J's CUDA 11.6 build (1.0.0-M2.1) did not run on this GPU (exit $rc)." >&2
  if grep -qiE "no kernel image|unsupported (gpu|ptx)|compute capability|CUDA_ERROR|cudaError" "$log"; then
    echo "gpu-smoke: the error above is the CUDA runtime's: this GPU is likely newer than CUDA 11.6 and the kernels" >&2
    echo "           ND4J M2.1 ships were built for (an H100/H200 is compute capability 9.0); a newer ND4J is needed." >&2
  elif grep -q "UnsatisfiedLinkError" "$log"; then
    echo "gpu-smoke: a native library did not load (see the UnsatisfiedLinkError above): libcuda.so.1 is the driver's;" >&2
    echo "           CUDA 11.6 and cuDNN 8.3 libraries come with MIXUP_GPU_PROFILES=gpu,cuda-redist (1.8 GB)." >&2
  fi
  echo "gpu-smoke: full output in $log (kept)" >&2
  trap - EXIT
  exit 4
fi
