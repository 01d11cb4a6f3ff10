#!/usr/bin/env bash
# Installs the system packages grokbench needs beyond a JDK and Maven:
#   fonts (JavaFX and JFreeChart render text even headless) and, for the 3D checks,
#   an X server in memory with Mesa's software OpenGL (xvfb, xauth, libgl1-mesa-dri, libgtk-3-0).
# Safe to run repeatedly; does nothing when everything is present. Needs root (or sudo) for apt-get.
set -u
pkgs=(fontconfig fonts-dejavu-core xvfb xauth libgl1-mesa-dri libgtk-3-0)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && { echo "system packages: all present"; exit 0; }
echo "system packages: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 && SUDO="sudo -n" || { echo "not root and no sudo: cannot install ${missing[*]}" >&2; exit 1; }
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
