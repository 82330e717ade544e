#!/usr/bin/env bash
#
# Runs Switchboard from this checkout.
#
#   ./run.sh               build if needed, start Switchboard in the foreground (Karaf console)
#   ./run.sh --background  the same, in the background; returns once the REST API answers
#   ./run.sh stop          stop a Switchboard started in the background
#   ./run.sh status        tell whether it runs
#   ./run.sh reset         stop it and delete ./run/switchboard (all its data) for a fresh start
#
# The first start unpacks the distribution into ./run/switchboard/ and installs the demo
# configuration (agents alice and bob, queues support and sales, users alice, bob, sam, admin
# and integration, each with the user name as password). Later starts keep that instance and
# its data; when the distribution was rebuilt, its program files are refreshed and etc/ and the
# database are kept.
#
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DIST_DIR="$ROOT/karaf-features/switchboard-distribution/target"
INSTANCE="$ROOT/run/switchboard"
STAMP="$INSTANCE/.distribution"
HTTP_PORT=8181
API="http://localhost:$HTTP_PORT/switchboard/api"
BACKGROUND_CONSOLE="none in the background: ./run.sh stop, then ./run.sh for the Karaf console (SSH is off; feature:install ssh turns it on)"

say() { printf '%s\n' "$*"; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }

distribution() {
    ls "$DIST_DIR"/switchboard-distribution-*.tar.gz 2>/dev/null | sed -n 1p
}

check_java() {
    local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
    command -v "$java" >/dev/null 2>&1 || die "no Java found: install a JDK 17 (Karaf 4.4 runs on Java 17 to 21)"
    local version
    version=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | sed -n 1p)
    if [ -z "$version" ] || [ "$version" -lt 17 ] || [ "$version" -gt 21 ]; then
        die "Java ${version:-?} found; Switchboard (Karaf 4.4) needs Java 17 to 21 (set JAVA_HOME)"
    fi
}

# Sources that go into the distribution, newer than the distribution itself?
sources_changed() {
    local tgz=$1
    [ -n "$(find "$ROOT/pom.xml" "$ROOT/bundles" "$ROOT/camel-routes" "$ROOT/crm-connectors" \
              "$ROOT/telephony-bundle" "$ROOT/karaf-features" \
              -path '*/target' -prune -o -type f -newer "$tgz" -print -quit 2>/dev/null)" ]
}

build_if_needed() {
    local tgz
    tgz=$(distribution)
    if [ -z "$tgz" ] || sources_changed "$tgz"; then
        command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to build Switchboard"
        say "Building Switchboard (mvn -B -q install -DskipTests) ..."
        (cd "$ROOT" && mvn -B -q install -DskipTests)
        tgz=$(distribution)
        [ -n "$tgz" ] || die "the build made no distribution in $DIST_DIR"
    fi
}

# Unpack on the first run; after a rebuild, refresh the program files and keep etc/ and data/.
prepare_instance() {
    local tgz
    tgz=$(distribution)
    if [ ! -d "$INSTANCE" ]; then
        say "Unpacking $(basename "$tgz") into run/switchboard/ ..."
        mkdir -p "$INSTANCE"
        tar -xzf "$tgz" -C "$INSTANCE" --strip-components=1
        say "Installing the demo configuration:"
        sh "$INSTANCE/demo/install" "$INSTANCE" | sed 's/^/  /'
        : > "$STAMP"
        touch -r "$tgz" "$STAMP"
    elif [ "$tgz" -nt "$STAMP" ]; then
        running && die "Switchboard runs; stop it first (./run.sh stop) to start the rebuilt distribution"
        say "Updating run/switchboard/ to the rebuilt distribution (etc/ and the database are kept) ..."
        local fresh
        fresh=$(mktemp -d)
        tar -xzf "$tgz" -C "$fresh" --strip-components=1
        rm -rf "$INSTANCE/system" "$INSTANCE/lib" "$INSTANCE/bin" "$INSTANCE/demo"
        cp -R "$fresh/system" "$fresh/lib" "$fresh/bin" "$fresh/demo" "$INSTANCE/"
        # new default configuration files; existing ones stay as they are
        cp -n "$fresh"/etc/* "$INSTANCE/etc/" 2>/dev/null || true
        cp "$fresh/etc/startup.properties" "$fresh/etc/org.apache.karaf.features.cfg" \
           "$fresh/etc/org.apache.karaf.features.xml" "$INSTANCE/etc/"
        # Karaf's bundle cache holds the old bundles; the Switchboard database is in data/switchboard
        rm -rf "$INSTANCE/data/cache" "$INSTANCE/data/tmp" "$fresh"
        touch -r "$tgz" "$STAMP"
    fi
}

running() {
    [ -d "$INSTANCE" ] && "$INSTANCE/bin/status" >/dev/null 2>&1
}

# The Karaf JVM of this instance, whatever state it is in.
karaf_process() {
    pgrep -f -- "-Dkaraf.base=$INSTANCE " >/dev/null 2>&1
}

wait_until_ready() {
    local deadline=$((SECONDS + 180))
    until curl -fsS -o /dev/null "$API/health" 2>/dev/null; do
        if [ $SECONDS -ge $deadline ]; then
            die "Switchboard did not answer on $API/health within 180 s; see run/switchboard/data/log/karaf.log"
        fi
        # bin/start returns before the JVM is up: give it a moment before calling it gone
        if [ $SECONDS -ge $((deadline - 170)) ] && ! karaf_process; then
            die "Switchboard stopped while starting; see run/switchboard/data/log/karaf.log"
        fi
        sleep 1
    done
}

where() {
    cat <<EOF

  REST API     $API   (health: $API/health, OpenAPI: $API/openapi.json)
  Console      ${1}
  Logs         run/switchboard/data/log/karaf.log
  Config       run/switchboard/etc/   (database: org.ops4j.datasource-switchboard.cfg)
  Demo users   alice, bob (agents), sam (supervisor), admin, integration; password = user name

  Try:  curl -u integration:integration -H 'Content-Type: application/json' \\
          -d '{"channel":"webhook","externalId":"demo-1","from":{"kind":"phone","value":"+4930123456"},"entryPoint":"support","subject":"Hello","body":"My printer is on fire"}' \\
          $API/contacts
        curl -u alice:alice $API/interactions

EOF
}

case "${1:-}" in
    stop)
        if running; then
            "$INSTANCE/bin/stop"
            say "Switchboard is stopping."
        else
            say "Switchboard is not running."
        fi
        ;;
    status)
        if running; then say "Switchboard runs: $API"; else say "Switchboard is not running."; exit 3; fi
        ;;
    reset)
        if running; then "$INSTANCE/bin/stop"; sleep 5; fi
        rm -rf "$INSTANCE"
        say "Deleted run/switchboard/; the next ./run.sh starts afresh."
        ;;
    --background|-b|start)
        check_java
        running && { say "Switchboard runs already."; where "$BACKGROUND_CONSOLE"; exit 0; }
        build_if_needed
        prepare_instance
        say "Starting Switchboard in the background ..."
        "$INSTANCE/bin/start"
        wait_until_ready
        say "Switchboard is ready."
        where "$BACKGROUND_CONSOLE"
        ;;
    ""|--foreground)
        check_java
        running && die "Switchboard runs already in the background (./run.sh stop)"
        build_if_needed
        prepare_instance
        say "Starting Switchboard; the Karaf console follows (logout or Ctrl-D stops it)."
        where "this terminal (try: feature:list -i | grep switchboard, switchboard:health, log:tail)"
        cd "$INSTANCE"
        if [ -t 0 ]; then
            exec bin/karaf
        else
            exec bin/karaf server
        fi
        ;;
    -h|--help|help)
        sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
        ;;
    *)
        die "unknown argument '$1' (try ./run.sh --help)"
        ;;
esac
