#!/usr/bin/env bash
# Smoke journey over HTTP against a running Trẻ An: sign in as the demo administrator with the
# second factor, open Cần Thơ's communes, sign out. Usage: .ci/smoke.sh http://localhost:8080
set -euo pipefail
base="${1:-http://localhost:8080}"
user="${SMOKE_USER:-demo.admin}"
password="${SMOKE_PASSWORD:-TreAn-demo-2026!}"
secret="${SMOKE_TOTP_SECRET:-JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP}"
jar=$(mktemp); page=$(mktemp)
trap 'rm -f "$jar" "$page"' EXIT
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
csrf() { grep -o 'name="_csrf" value="[^"]*"' "$page" | head -1 | sed 's/.*value="//; s/"$//'; }
totp() {
  python3 - "$1" <<'PY'
import base64, hmac, hashlib, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
o = digest[-1] & 15
print("%06d" % ((struct.unpack(">I", digest[o:o + 4])[0] & 0x7fffffff) % 1000000))
PY
}

code=$(curl -s -c "$jar" -b "$jar" -o "$page" -w '%{http_code}' "$base/login")
[ "$code" = 200 ] || fail "login page answered $code"
token=$(csrf); [ -n "$token" ] || fail "no CSRF token on the login page"
location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
  --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "_csrf=$token" "$base/login")
case "$location" in */login/second-factor) ;; *) fail "password step went to '$location'";; esac

curl -s -c "$jar" -b "$jar" -o "$page" "$base/login/second-factor"
token=$(csrf)
location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
  --data-urlencode "code=$(totp "$secret")" --data-urlencode "_csrf=$token" "$base/login/second-factor")
case "$location" in "$base/"|*/) ;; *) fail "second-factor step went to '$location'";; esac

curl -s -c "$jar" -b "$jar" -o "$page" "$base/geography"
unit=$(grep -o 'href="/geography/units/[0-9]*">Thành phố Cần Thơ' "$page" | head -1 | grep -o '[0-9][0-9]*')
[ -n "$unit" ] || fail "Cần Thơ is not listed on the provinces page"
code=$(curl -s -c "$jar" -b "$jar" -o "$page" -w '%{http_code}' "$base/geography/units/$unit")
[ "$code" = 200 ] || fail "communes page answered $code"
communes=$(grep -c 'href="/geography/units/[0-9]*">\(Phường\|Xã\) ' "$page" || true)
[ "$communes" = 103 ] || fail "communes page lists $communes communes, expected 103"
grep -q 'Phường Cái Khế' "$page" || fail "Phường Cái Khế missing"

token=$(csrf)
location=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$token" "$base/logout")
case "$location" in */login\?logout) ;; *) fail "logout went to '$location'";; esac
code=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' "$base/geography")
[ "$code" = 302 ] || fail "after logout /geography answered $code, expected a redirect to the login"
echo "Smoke journey passed: signed in with the second factor, saw $communes communes of Cần Thơ, signed out."
