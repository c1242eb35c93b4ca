#!/usr/bin/env bash
# The benchmark's PyTorch peer: Debian's python3-torch with an optimized OpenBLAS (without it torch
# links the slow reference BLAS, which would make the comparison unfair). Idempotent.
set -euo pipefail
if /usr/bin/python3 -c "import torch" 2>/dev/null && dpkg -s libopenblas0-openmp >/dev/null 2>&1; then
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "torch: need root (or sudo) to install python3-torch" >&2; exit 1; }
  sudo="sudo"
fi
echo "torch: installing Debian packages python3-torch and libopenblas0-openmp ..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-torch libopenblas0-openmp >/dev/null
/usr/bin/python3 -c "import torch"
