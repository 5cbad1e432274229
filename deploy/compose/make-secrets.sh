#!/usr/bin/env bash
# Makes the files compose.yaml expects in deploy/secrets/, for trying the federation out: a private
# CA, TLS certificates for the gateway's TLS front and the four agencies (named as compose names
# them and localhost; the gateway's also any extra names given: your host's), the gateway's grant
# signing key and the database passwords.
# In production use your organisation's CA and key management instead; the file names are the same.
#   deploy/compose/make-secrets.sh [extra DNS name for the gateway, e.g. mash.example.gov.uk ...]
# Existing files are kept: delete one to make it again.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../secrets" && pwd)"
chmod 700 "$dir"
cd "$dir"
umask 022 # the containers' users (uid 10001, nginx's 101, postgres's 999) read them; the directory is 0700

if [ ! -f ca.pem ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 \
    -subj "/CN=MASH federation test CA" -keyout ca-key.pem -out ca.pem 2>/dev/null
fi

certificate() { # <file stem> <DNS names...>
  local stem="$1"; shift
  [ -f "$stem.pem" ] && return 0
  local names; names="$(printf 'DNS:%s,' "$@")"
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$1" \
    -keyout "$stem-key.pem" -out "$stem.csr" 2>/dev/null
  openssl x509 -req -in "$stem.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 397 \
    -extfile <(printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth,clientAuth\n' "${names%,}") -out "$stem.pem" 2>/dev/null
  rm -f "$stem.csr"
}

certificate gateway-tls gateway-tls localhost "$@"
for agency in police social-care health education; do certificate "$agency-tls" "$agency" localhost; done

# The grant signing key: ES256, PKCS8 PEM (what MASH_GRANT_PRIVATE_KEY holds).
[ -f grant-private-key.pem ] || openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out grant-private-key.pem
for service in hub police social-care health education; do
  [ -f "$service-db-password" ] || openssl rand -hex 24 > "$service-db-password"
done
# openssl writes private keys 0600; the containers' users must read theirs (the directory stays 0700).
find . -maxdepth 1 -type f ! -name ca-key.pem ! -name .gitignore -exec chmod 0644 {} +
echo "deploy/secrets: $(ls | wc -l) files (CA, certificates, grant key, database passwords)"
