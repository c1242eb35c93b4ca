#!/usr/bin/env bash
# A Speech-Commands-like keyword set synthesized with Debian's speech engines (espeak-ng with stock
# and random custom voices, flite, festival), laid out exactly like Google Speech Commands v0.01:
#   <word>/<speaker>_nohash_<take>.wav, validation_list.txt, testing_list.txt, _background_noise_/
# One-second 16 kHz mono 16-bit clips with speed/pitch jitter, random placement and a low noise floor.
# This script installs the engines, makes the noise bank and the plan (speech-plan.awk) and keeps the
# stamp; SpeechSynth.java runs the engines and makes the clips.
# Split by speaker family (one base voice): test speakers are never heard in training.
#
# usage: speech-commands-synth.sh [--out DIR] [--seed N] [--takes N] [--customs N] [--jobs N] [--words "w1 w2"]
# (--words: a subset of the 30 words, for tests)
# Idempotent: does nothing when DIR holds a complete set made with the same version and settings;
# an interrupted build resumes where it stopped.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# 2: jitter, trim and mixing in SpeechSynth.java (the clips differ from version 1's)
version=2
out="$(cd "$here/.." && pwd)/data/speech-commands-synth"
seed=0
takes=3
customs=48
# nproc alone would honor the OMP_NUM_THREADS=1 that ./mixup exports for ND4J
jobs="$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc)"
words="bed bird cat dog down eight five four go happy house left marvin nine no off on one right seven sheila six stop three tree two up wow yes zero"
while [ $# -gt 0 ]; do
  case "$1" in
    --out|--seed|--takes|--customs|--jobs|--words)
      [ $# -ge 2 ] || { echo "speech-commands-synth: $1 needs a value" >&2; exit 2; } ;;
  esac
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --takes) takes="$2"; shift 2 ;;
    --customs) customs="$2"; shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    --words) words="$2"; shift 2 ;;
    *) echo "speech-commands-synth: unknown option $1" >&2; exit 2 ;;
  esac
done
for opt in seed takes customs jobs; do
  [[ "${!opt}" =~ ^[0-9]+$ ]] || { echo "speech-commands-synth: --$opt '${!opt}' is not a whole number" >&2; exit 2; }
done
[ "$jobs" -ge 1 ] || { echo "speech-commands-synth: --jobs must be at least 1" >&2; exit 2; }
for w in $words; do
  [[ "$w" =~ ^[a-z]+$ ]] || { echo "speech-commands-synth: --words: '$w' is not a word of lowercase letters" >&2; exit 2; }
done
stamp_text="speech-commands-synth version=$version seed=$seed takes=$takes customs=$customs words=$(echo $words | tr ' ' ',')"
stamp="$out/.synth-complete"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$stamp_text" ]; then
  echo "speech-commands-synth: present in $out ($(du -sh "$out" | cut -f1))"
  exit 0
fi
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ]; then
  # only ever delete a folder this script made (it keeps its plan in .work/ or its stamp at the root)
  if [ -f "$stamp" ] || { [ -f "$out/.work/settings" ] && [ "$(cat "$out/.work/settings")" != "$stamp_text" ]; }; then
    echo "speech-commands-synth: $out was made with other settings; rebuilding"
    rm -rf "$out"
  elif [ ! -f "$out/.work/settings" ]; then
    echo "speech-commands-synth: $out exists and was not made by this script; choose another --out" >&2
    exit 2
  fi
fi

# --- engines -------------------------------------------------------------------------------------
need=()
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v flite >/dev/null || need+=(flite)
command -v sox >/dev/null || need+=(sox)
command -v festival >/dev/null || need+=(festival festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "speech-commands-synth: need root (or sudo) to install ${need[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  # one line under 100 columns in the demo; the packages' names are in data/setup.log
  echo "speech-commands-synth: installing ${#need[@]} Debian packages (${need[0]} ...) ..."
  echo "  packages: ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
festival_voices=0
if command -v festival >/dev/null && [ -d /usr/share/festival/voices/english/kal_diphone ] \
    && [ -d /usr/share/festival/voices/english/ked_diphone ] && [ -d /usr/share/festival/voices/us/cmu_us_slt_arctic_hts ]; then
  festival_voices=1
fi

started=$SECONDS
work="$out/.work"
mkdir -p "$work/tmp" "$work/voices" "$work/espeak/espeak-ng-data/voices/!v" "$out/_background_noise_"
echo "$stamp_text" > "$work/settings"

# --- noise bank (sox's generators are repeatable: -R) --------------------------------------------
noise_dir="$out/_background_noise_"
make_noise() {  # name, sox effects producing 60 s of noise at 16 kHz
  local name="$1"; shift
  [ -s "$noise_dir/$name.wav" ] && return 0
  sox -R -n -r 16000 -c 1 -b 16 "$noise_dir/$name.tmp.wav" "$@" gain -n -3
  mv "$noise_dir/$name.tmp.wav" "$noise_dir/$name.wav"
}
make_noise white_noise synth 60 whitenoise
make_noise pink_noise synth 60 pinknoise
make_noise brown_noise synth 60 brownnoise
make_noise running_fan synth 60 pinknoise lowpass 700 tremolo 7 25
make_noise running_tap synth 60 whitenoise bandpass 3000 1500h tremolo 11 40
if [ ! -s "$noise_dir/mains_hum.wav" ]; then
  sox -R -m -v 0.5 "|sox -R -n -r 16000 -c 1 -p synth 60 sine 50" -v 0.25 "|sox -R -n -r 16000 -c 1 -p synth 60 sine 150" \
    -v 0.12 "|sox -R -n -r 16000 -c 1 -p synth 60 sine 250" -v 0.2 "|sox -R -n -r 16000 -c 1 -p synth 60 pinknoise" \
    -b 16 "$noise_dir/mains_hum.tmp.wav" gain -n -3
  mv "$noise_dir/mains_hum.tmp.wav" "$noise_dir/mains_hum.wav"
fi
noises="$(cd "$noise_dir" && ls *.wav | tr '\n' ' ')"

# --- plan: speakers, split, every clip's draws ---------------------------------------------------
plan_args=(-v seed="$seed" -v takes="$takes" -v wordlist="$words" -v customs="$customs" -v noises="$noises" -v festival="$festival_voices")
awk "${plan_args[@]}" -v outdir="$work" -f "$here/speech-plan.awk"
mv "$work"/voices/* "$work/espeak/espeak-ng-data/voices/!v/"

# a private espeak-ng-data with the custom variants; only English kept, so the voice list stays under
# espeak-ng's limit of 350 voice files
system_data="$(espeak-ng --version | sed -n 's/.*Data at: //p')"
cp "$system_data"/en_dict "$system_data"/phon* "$system_data"/intonations "$work/espeak/espeak-ng-data/"
mkdir -p "$work/espeak/espeak-ng-data/lang"
cp -r "$system_data/lang/gmw" "$work/espeak/espeak-ng-data/lang/"
cp -n "$system_data/voices/!v/"* "$work/espeak/espeak-ng-data/voices/!v/"

# --- render: the engines, then jitter, trim, level, placement and noise floor in one JVM ----------
for w in $words; do mkdir -p "$out/$w"; done  # once here, not once a clip
total="$(wc -l < "$work/clips.tsv")"
echo "speech-commands-synth: rendering $total clips with $jobs workers ..."
count_clips() { find "$out" -path "$out/.work" -prune -o -name '*_nohash_*.wav' -print | wc -l; }
# a progress line every 15 s: clips made, the rate since this start, and the time left at that rate
# (its sleep is ended with it: a sleep left behind would hold the output pipe, and ./mixup's reader,
# open for up to 15 s more)
(
  trap 'kill "$nap" 2>/dev/null; wait "$nap"; exit 0' TERM
  first="$(count_clips)"; t0=$SECONDS
  while true; do
    sleep 15 & nap=$!
    wait "$nap"
    n="$(count_clips)"; dt=$((SECONDS - t0)); rate=$(( (n - first) * 10 / (dt > 0 ? dt : 1) ))
    left=$(( rate > 0 ? (total - n) * 10 / rate : 0 ))
    printf 'speech-commands-synth: %d of %d clips (%d.%d/s, about %d:%02d left)\n' "$n" "$total" $((rate / 10)) $((rate % 10)) \
      $((left / 60)) $((left % 60))
  done
) &
reporter=$!
trap 'kill "$reporter" 2>/dev/null || true' EXIT
# the JDK's source launcher: this runs while ./mixup builds the suite, so it cannot use the suite's
# jars. The serial collector: a small heap, and no collector threads beside the workers
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$java" >/dev/null || { echo "speech-commands-synth: needs Java 17 or newer (java on the PATH, or JAVA_HOME)" >&2; exit 1; }
"$java" -XX:+UseSerialGC "$here/SpeechSynth.java" --plan "$work" --out "$out" --espeak-data "$work/espeak" --jobs "$jobs"
kill "$reporter" 2>/dev/null || true

# --- split lists (paths relative to the root, as in Speech Commands) -----------------------------
awk -F '\t' -v dir="$out" 'NR == FNR { if (FNR > 1) split_of[$1] = $6; next }
    split_of[$2] != "training" { print $1 "/" $2 "_nohash_" $3 ".wav" > (dir "/" split_of[$2] "_list.txt.tmp") }' \
    "$work/speakers.tsv" "$work/clips.tsv"
for list in validation testing; do
  sort "$out/${list}_list.txt.tmp" > "$out/${list}_list.txt"
  rm "$out/${list}_list.txt.tmp"
done
cp "$work/speakers.tsv" "$out/speakers.tsv"
made="$(find "$out" -path "$out/.work" -prune -o -name '*_nohash_*.wav' -print | wc -l)"
[ "$made" = "$total" ] || { echo "speech-commands-synth: made $made of $total clips" >&2; exit 1; }
rm -rf "$work"
echo "$stamp_text" > "$stamp"
speakers="$(($(wc -l < "$out/speakers.tsv") - 1))"
echo "speech-commands-synth: $total clips of $speakers speakers ($(du -sh "$out" | cut -f1), $((SECONDS - started)) s)"
echo "  in $out"
