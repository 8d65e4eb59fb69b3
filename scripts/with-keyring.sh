#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service and
# throwaway XDG dirs, so keychain tests use a real OS keychain without touching the user's own.
set -e
if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-keyring: dbus-run-session or gnome-keyring-daemon is missing; install them with: apt-get install gnome-keyring dbus-x11" >&2
  exit 1
fi
KR_TMP=$(mktemp -d)
export XDG_DATA_HOME="$KR_TMP/data" XDG_CACHE_HOME="$KR_TMP/cache" XDG_CONFIG_HOME="$KR_TMP/config" XDG_RUNTIME_DIR="$KR_TMP/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export MEDIADESK_KEYRING=1
exec dbus-run-session -- sh -c 'printf %s ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' sh "$@"
