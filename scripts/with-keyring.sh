#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service and
# throwaway XDG dirs, so keychain tests use a real OS keychain without touching the user's own
# (MEDIADESK_KEYRING=1 says one is there).
#
# Where no Secret Service can be started (dbus-run-session or gnome-keyring-daemon missing, or
# failing), the command still runs, without one: MEDIADESK_KEYRING_SKIP then holds the reason, the
# keychain integration tests skip with it, and every other test runs as usual. The session bus is
# pointed at a socket that does not exist, so nothing reaches the user's own keychain either way.
# The command's exit status is passed on.
set -u
hint='on Debian/Ubuntu: apt-get install gnome-keyring dbus-x11'

KR_TMP=$(mktemp -d)
trap 'rm -rf "$KR_TMP"' EXIT
export XDG_DATA_HOME="$KR_TMP/data" XDG_CACHE_HOME="$KR_TMP/cache" XDG_CONFIG_HOME="$KR_TMP/config" XDG_RUNTIME_DIR="$KR_TMP/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset MEDIADESK_KEYRING MEDIADESK_KEYRING_SKIP

missing=''
if ! command -v dbus-run-session >/dev/null 2>&1; then
  missing='dbus-run-session is not installed'
elif ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  missing='gnome-keyring-daemon is not installed'
elif ! dbus-run-session -- true >/dev/null 2>&1; then
  missing='dbus-run-session could not start a D-Bus session'
fi

if [ -n "$missing" ]; then
  echo "with-keyring: $missing, so the keychain tests skip ($hint); running the rest without a Secret Service." >&2
  export MEDIADESK_KEYRING_SKIP="no Secret Service: $missing ($hint)"
  export DBUS_SESSION_BUS_ADDRESS="unix:path=$KR_TMP/no-session-bus"
  "$@"
  exit $?
fi

export WITH_KEYRING_HINT="$hint" WITH_KEYRING_NO_BUS="unix:path=$KR_TMP/no-session-bus"
dbus-run-session -- sh -c '
  if printf %s ci-pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; then
    export MEDIADESK_KEYRING=1
  else
    echo "with-keyring: gnome-keyring-daemon could not start a Secret Service, so the keychain tests skip; running the rest without one." >&2
    export MEDIADESK_KEYRING_SKIP="no Secret Service: gnome-keyring-daemon could not start one ($WITH_KEYRING_HINT)"
    export DBUS_SESSION_BUS_ADDRESS="$WITH_KEYRING_NO_BUS"
  fi
  unset WITH_KEYRING_HINT WITH_KEYRING_NO_BUS
  "$@"' sh "$@"
