#!/usr/bin/env bash
# The province job on the same input in local[2] and on a one-worker standalone cluster (2 cores, client mode: the
# driver here, the executor in a JVM of the worker's), back to back, for docs/benchmarks.md. Run it on an idle machine
# (check `uptime`); it starts the master and worker from the Spark jars of the build on ports the system picks and
# stops them at the end, whatever happens.
#   tools/spark-standalone-timing.sh /tmp/gen1m      (an input written by: ./hqd generate --hospitals 200
#                                                      --records 1000000 --months 24 --seed 7 --output /tmp/gen1m)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
input=${1:?usage: $0 INPUT [WORKER_MEMORY]}
memory=${2:-12g}
target="$here/hqd-spark/target"
[ -f "$target/hqd-spark-0.1.0-SNAPSHOT-app.jar" ] || (cd "$here" && mvn -B -q -pl hqd-spark -am package -DskipTests)
opens=$(cat "$target/jvm-opens.txt")
cp="$target/hqd-spark-0.1.0-SNAPSHOT.jar:$target/lib/*"
work=$(mktemp -d /tmp/hqd-spark-timing.XXXXXX)
mkdir -p "$work/spark/jars" "$work/worker"
for j in "$target"/lib/*.jar; do
  case $(basename "$j") in hqd-*|picocli-*|jspecify-*|poi-*|SparseBitSet-*|xmlbeans-*|curvesapi-*) ;; *) ln -s "$j" "$work/spark/jars/";; esac
done
echo "Spark 4.0.1 from HQD's build" > "$work/spark/RELEASE"
pids=()
stop() { for p in "${pids[@]}"; do pkill -TERM -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done; }
trap stop EXIT
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "local[2]: start $(date -u +%FT%TZ), load $(load)"
/usr/bin/time -f "peak RSS %M KB" java -Xmx14g -Dhqd.spark.timing=true $opens -cp "$cp" org.hqd.spark.SparkMain run \
  --master 'local[2]' --input "$input" --output "$work/out-local" 2>&1 | grep -E "^\[hqd-spark\]|Spark 作业完成|peak RSS"
echo "local[2]: end, load $(load)"

export SPARK_HOME="$work/spark" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
java -Xmx256m $opens -cp "$work/spark/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 \
  --webui-port 0 > "$work/master.log" 2>&1 & pids+=($!)
until grep -q "elected leader" "$work/master.log"; do sleep 1; done
url=$(grep -oE "spark://127\.0\.0\.1:[0-9]+" "$work/master.log" | head -1)
ui=$(grep -oE "service 'MasterUI' on port [0-9]+" "$work/master.log" | grep -oE "[0-9]+$")
java -Xmx256m $opens -cp "$work/spark/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 \
  --webui-port 0 --cores 2 --memory "$memory" --work-dir "$work/worker" "$url" > "$work/worker.log" 2>&1 & pids+=($!)
until grep -q "Registering worker" "$work/master.log"; do sleep 1; done

echo "standalone: start $(date -u +%FT%TZ), load $(load)"
/usr/bin/time -f "driver peak RSS %M KB" java -Xmx3g -Dhqd.spark.timing=true $opens -cp "$cp" org.hqd.spark.SparkMain run \
  --master "$url" --master-ui "http://127.0.0.1:$ui" --input "$input" --output "$work/out-standalone" 2>&1 \
  | grep -E "^\[hqd-spark\]|执行器|Spark 作业完成|peak RSS"
echo "standalone: end, load $(load)"
echo "results and logs: $work"
