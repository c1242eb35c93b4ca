#!/usr/bin/env bash
# A Spark standalone cluster on this machine, from the suite's own Spark jars (no Spark download):
# a master and N one-core workers, each its own JVM on 127.0.0.1, to try a sweep on a cluster before
# there is one. StandaloneClusterIT starts the same JVMs (README, Sweeps on a cluster).
#
#   bash data-scripts/spark-standalone.sh start [N]     # master + N workers (default 2)
#   bash data-scripts/spark-standalone.sh submit sweep --study corrupt-labels --grid "alpha=1,8" --seeds 2 --out /tmp/runs
#   bash data-scripts/spark-standalone.sh stop
#
# MIXUP_CLUSTER_DIR (default app/target/spark-standalone) holds its SPARK_HOME, logs, pids and the
# workers' folders; MIXUP_MASTER_PORT (7077), MIXUP_MASTER_UI_PORT (8080) and MIXUP_WORKER_MEMORY
# (2g: what one executor may take) change the rest.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib="$home/app/target/lib"
dir="${MIXUP_CLUSTER_DIR:-$home/app/target/spark-standalone}"
port="${MIXUP_MASTER_PORT:-7077}"
ui_port="${MIXUP_MASTER_UI_PORT:-8080}"
master="spark://127.0.0.1:$port"
spark_home="$dir/spark-home"

usage() {
  echo "usage: $0 start [WORKERS] | submit ARGS... | stop | status" >&2
  exit 2
}

# the module openings Spark needs on Java 17 (spark-class adds the same; pom.xml's spark.java.options)
opens="-XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done

# The suite's own jars travel with the job; the cluster has everything else (Spark, DL4J, ...).
suite_jar() {
  local name
  name="$(basename "$1")"
  for pom in "$home"/*/pom.xml; do
    case "$name" in "$(basename "$(dirname "$pom")")"-[0-9]*.jar) return 0 ;; esac
  done
  return 1
}

# Spark's launcher (which starts the executors) wants SPARK_HOME/jars and, outside a Spark
# distribution, the Scala version; the loopback address keeps every port off the network.
# (an array, not a function: $! must be the JVM's pid, not a subshell's)
cluster_env=(env -u LD_PRELOAD -u MIXUP_BLAS_PRELOAD -u OMP_NUM_THREADS -u OMP_WAIT_POLICY
  SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1)

start() {
  local workers="${1:-2}"
  case "$workers" in ''|*[!0-9]*|0) echo "$0 start: WORKERS must be a positive number, got '$workers'" >&2; exit 2 ;; esac
  if [ -f "$dir/master.pid" ] && kill -0 "$(cat "$dir/master.pid")" 2>/dev/null; then
    echo "$0: a cluster is running already ($dir); stop it first" >&2
    exit 1
  fi
  [ -d "$lib" ] || "$home/mixup" --help >/dev/null   # ./mixup builds the suite when its build is missing
  rm -rf "$spark_home" "$dir"/work-* "$dir"/*.log "$dir"/*.pid
  mkdir -p "$spark_home/jars"
  for jar in "$lib"/*.jar; do
    suite_jar "$jar" || ln -s "$jar" "$spark_home/jars/"
  done
  "${cluster_env[@]}" nohup java -Xmx512m $opens -cp "$spark_home/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port "$ui_port" >"$dir/master.log" 2>&1 &
  echo $! >"$dir/master.pid"
  for i in $(seq 1 "$workers"); do
    mkdir -p "$dir/work-$i"
    "${cluster_env[@]}" nohup java -Xmx512m $opens -cp "$spark_home/jars/*" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --port 0 --webui-port 0 --cores 1 --memory "${MIXUP_WORKER_MEMORY:-2g}" \
      --work-dir "$dir/work-$i" "$master" >"$dir/worker-$i.log" 2>&1 &
    echo $! >"$dir/worker-$i.pid"
  done
  for _ in $(seq 1 60); do
    # the master's web UI answers once it is up; until then curl fails
    alive="$(curl -s "http://127.0.0.1:$ui_port/json/" | sed -n 's/^ *"aliveworkers" *: *\([0-9]*\).*/\1/p' || true)"
    if [ "${alive:-0}" = "$workers" ]; then
      echo "master $master (web UI http://127.0.0.1:$ui_port) with $workers one-core workers; logs in $dir"
      echo "submit: bash $0 submit sweep --study corrupt-labels --grid \"alpha=1,8\" --seeds 2 --out /tmp/runs"
      return 0
    fi
    sleep 1
  done
  echo "$0: after 60 s the master has ${alive:-no} of $workers workers; logs in $dir" >&2
  stop
  exit 1
}

# spark-submit in client mode: the driver runs here with ./mixup's settings, which the sweep passes
# on to the executors (OpenMP, the preloaded OpenBLAS, the JVM flags). Each executor gets a quick
# run's memory caps. The -Pspark-submit jar is submitted where it is built, else the module jars.
submit() {
  [ -d "$spark_home/jars" ] || { echo "$0 submit: no cluster; run $0 start first" >&2; exit 1; }
  local jars=() primary shaded
  shaded="$(ls "$home"/sweep/target/sweep-*-spark-submit.jar 2>/dev/null | head -n 1 || true)"
  if [ -n "$shaded" ]; then
    primary="$shaded"
  else
    for jar in "$lib"/*.jar; do
      if suite_jar "$jar"; then
        case "$(basename "$jar")" in sweep-*) primary="$jar" ;; *) jars+=("$jar") ;; esac
      fi
    done
  fi
  local extra=()
  [ ${#jars[@]} -eq 0 ] || extra=(--jars "$(IFS=,; echo "${jars[*]}")")
  local blas="${MIXUP_BLAS_PRELOAD-$home/core/target/native/libopenblas.so.0}"
  [ -f "$blas" ] || blas=""
  OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}" MIXUP_BLAS_PRELOAD="$blas" \
  LD_PRELOAD="$blas${LD_PRELOAD:+:$LD_PRELOAD}" SPARK_HOME="$spark_home" SPARK_LOCAL_IP=127.0.0.1 \
  exec java -Xmx1g -Dorg.bytedeco.javacpp.maxphysicalbytes=2g -Dorg.eclipse.deeplearning4j.helpers.disable=false \
    -Djdk.lang.processReaperUseDefaultStackSize=true -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -Dmixup.git.commit="$(git -C "$home" rev-parse --short HEAD 2>/dev/null || echo unknown)" $opens \
    -cp "$spark_home/jars/*" org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client \
    --class org.mixupsuite.core.cli.Main --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --executor-memory 1536m \
    --conf "spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.maxbytes=1g -Dorg.bytedeco.javacpp.maxphysicalbytes=2700m" \
    "${extra[@]}" "$primary" "$@"
}

# SIGTERM first: a worker stops its executors on the way out; whatever is left after 15 s is killed.
stop() {
  local pids=()
  for f in "$dir"/worker-*.pid "$dir"/master.pid; do
    [ -f "$f" ] || continue
    pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      pids+=("$pid" $(pgrep -P "$pid" || true))
      kill "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
  for _ in $(seq 1 15); do
    alive=()
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    [ ${#alive[@]} -eq 0 ] && { echo "cluster stopped"; return 0; }
    sleep 1
  done
  kill -9 "${alive[@]}" 2>/dev/null || true
  echo "cluster stopped (killed ${#alive[@]} that did not stop)"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  submit) shift; submit "$@" ;;
  stop) stop ;;
  status) curl -s "http://127.0.0.1:$ui_port/json/" || { echo "no master answers on 127.0.0.1:$ui_port" >&2; exit 1; } ;;
  *) usage ;;
esac
