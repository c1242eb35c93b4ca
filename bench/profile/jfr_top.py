"""Where a benchmark's time goes, from a Java Flight Recorder file: the most sampled top frames, and
the samples sorted into kinds of work (BLAS, convolution kernels, updater, allocation, copies, other
ND4J ops through JNI, Java-side bookkeeping) by the innermost frame that names one.

Record with: java -XX:StartFlightRecording=filename=run.jfr,settings=profile ... BenchWorkload <workload> ...
Usage: python3 bench/profile/jfr_top.py run.jfr [--within FRAME_SUBSTRING] [--top N]
--within keeps only samples whose stack holds that frame (e.g. GanBench.iteration), which drops
start-up, data loading and warm-up-free parts outside the measured loop.
JFR samples threads in Java code (jdk.ExecutionSample) and threads in native code
(jdk.NativeMethodSample, with the Java stack down to the JNI call) separately, and settings=profile
samples Java every 10 ms but native code every 20 ms: each sample is weighted by its period, so the
shares are shares of time (pass --java-ms/--native-ms for other settings).
"""
import argparse
import collections
import re
import subprocess

KINDS = [  # the innermost frame that matches one of these decides; matched against "package.Class.method"
    ("allocation", r"Pointer\.allocate|Pointer\.malloc|createBuffer|DataBuffer.*<init>|BaseDataBuffer\.<init>|"
                   r"Nd4j\.create|createUninitialized|Deallocator|System\.gc|\.allocate\(|Workspace.*alloc"),
    ("updater", r"learning\.AdamUpdater|nn\.updater\.|GradientUpdater|learning\.config\."),
    ("BLAS (gemm)", r"(?i)gemm|mmul|Blas"),
    ("convolution kernels", r"(?i)im2col|col2im|conv2d|Convolution.*Helper|ConvolutionLayer|Pooling|Subsampling"),
    ("copies", r"\.dup$|\.assign$|pullRows|vstack|concat|toFloatMatrix|\.detach$|leverageTo|migrate"),
]
JNI = r"nativecpu\.bindings|nativeblas|NativeOpExecutioner|OpExecutioner|bytedeco|Nd4j\.exec$"


def samples(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample,jdk.NativeMethodSample", "--stack-depth",
                           "96", path], check=True, capture_output=True, text=True).stdout
    for block in text.split("\njdk.")[0:]:
        kind = "native" if block.lstrip().startswith("NativeMethodSample") or "NativeMethodSample {" in block[:40] else "java"
        m = re.search(r"stackTrace = \[\n(.*?)\n\s*\]", block, re.S)
        if not m:
            continue
        frames = []
        for line in m.group(1).splitlines():
            line = line.strip()
            if line == "...":
                continue
            frames.append(re.sub(r"\(.*", "", line))
        if frames:
            yield kind, frames


def classify(frames, kind):
    for frame in frames:
        for name, pattern in KINDS:
            if re.search(pattern, frame):
                return name
    if any(re.search(JNI, f) for f in frames[:3]):
        return "other ND4J ops via JNI (activations, bias, loss, reductions)"
    return "native, other" if kind == "native" else "Java (DL4J/ND4J bookkeeping, data)"


def call_site(frames):
    """The first frame outside ND4J's JNI bindings and executioner: which operation was asked for."""
    return next((f for f in frames if not re.search(JNI, f)), frames[-1])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("jfr")
    p.add_argument("--within", default=None)
    p.add_argument("--top", type=int, default=15)
    p.add_argument("--java-ms", type=float, default=10, help="jdk.ExecutionSample period of the recording")
    p.add_argument("--native-ms", type=float, default=20, help="jdk.NativeMethodSample period of the recording")
    a = p.parse_args()
    top = collections.Counter()
    kinds = collections.Counter()
    where = collections.Counter()
    sites = collections.Counter()
    total = 0.0
    count = 0
    for kind, frames in samples(a.jfr):
        if a.within and not any(a.within in f for f in frames):
            continue
        ms = a.native_ms if kind == "native" else a.java_ms
        count += 1
        total += ms
        top[(frames[0], kind)] += ms
        kinds[classify(frames, kind)] += ms
        where[kind] += ms
        sites[call_site(frames)] += ms
    print(f"{count} samples, {total / 1000:.1f} s of sampled time" + (f" within {a.within}" if a.within else ""))
    print("\n| kind of work | share of time |\n|---|---|")
    for name, t in kinds.most_common():
        print(f"| {name} | {100 * t / total:.1f}% |")
    print("\n| thread state | share of time |\n|---|---|")
    for name, t in where.most_common():
        print(f"| {'in native code (JNI)' if name == 'native' else 'in Java code'} | {100 * t / total:.1f}% |")
    print(f"\n| top frame (top {a.top}) | in | share of time |\n|---|---|---|")
    for (frame, kind), t in top.most_common(a.top):
        print(f"| {frame} | {kind} | {100 * t / total:.1f}% |")
    print(f"\n| call site: first frame outside the JNI layer (top {a.top}) | share of time |\n|---|---|")
    for frame, t in sites.most_common(a.top):
        print(f"| {frame} | {100 * t / total:.1f}% |")


if __name__ == "__main__":
    main()
