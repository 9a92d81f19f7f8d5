#!/usr/bin/env bash
# Installs the Debian packages that the test suite needs, only when they are missing.
set -euo pipefail
need=()
perl -MXML::Parser -e1 2>/dev/null || need+=(libxml-parser-perl)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "sysdeps: missing Debian packages: ${need[*]} (run as root: apt-get install -y ${need[*]})" >&2
  exit 0
fi
echo "sysdeps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
