#!/usr/bin/env bash
# Fashion-MNIST (70,000 real 28x28 images in IDX format) from Debian's dataset-fashion-mnist package:
# the default data of the image studies. Users with MNIST, EMNIST or CIFAR-10 pass --data DIR instead.
set -euo pipefail
dir=/usr/share/datasets/fashion-mnist
files=(train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz)

present() {
  for f in "${files[@]}"; do [ -s "$dir/$f" ] || return 1; done
}

if present; then
  echo "fashion-mnist: present in $dir"
  exit 0
fi

sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "fashion-mnist: need root (or sudo) to install dataset-fashion-mnist" >&2; exit 1; }
  sudo="sudo"
fi
echo "fashion-mnist: installing Debian package dataset-fashion-mnist ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq dataset-fashion-mnist >/dev/null
present || { echo "fashion-mnist: package installed but files missing under $dir" >&2; exit 1; }
echo "fashion-mnist: installed in $dir"
