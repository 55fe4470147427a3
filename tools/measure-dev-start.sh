#!/usr/bin/env bash
# Measures what the README promises of `./mvnw`: seconds from the command to the first authenticated 200 of
# GET /api/v1/couples (a token from the local Keycloak as therapist1). Run it from the project's root on a machine
# that has run `./mvnw` once, with nothing else running; it stops everything it started. Usage:
#   tools/measure-dev-start.sh [runs]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
log=target/dev-start.log
for run in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    setsid ./mvnw -B >"$log" 2>&1 &
    maven=$!
    result=timeout
    while (( $(echo "$(date +%s.%N) - $start < 300" | bc) )); do
        token=$(curl -s -m 2 -d grant_type=password -d client_id=tandem-api -d client_secret=tandem-api-secret \
            -d username=therapist1 -d password=demo \
            http://localhost:8180/realms/tandem/protocol/openid-connect/token \
            | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
        if [ -n "$token" ] && [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
                http://localhost:8080/api/v1/couples)" = 200 ]; then
            result=$(echo "$(date +%s.%N) - $start" | bc)
            break
        fi
        sleep 0.25
    done
    echo "run $run: first authenticated 200 after ${result} s"
    # Maven's process group holds dev mode and the local services; they stop with it.
    kill -TERM -- -"$maven" 2>/dev/null
    wait "$maven" 2>/dev/null
    for port in 8080 8180 3307; do
        while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do sleep 0.5; done
    done
    sleep 3
done
