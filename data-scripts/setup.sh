#!/usr/bin/env bash
# Prepares the suite's embedded default data. Safe to run again: every step checks what is there first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

bash "$here/fashion-mnist.sh"
bash "$here/speech-commands-synth.sh"
