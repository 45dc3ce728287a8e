#!/usr/bin/env bash
# Times remote commands over SSH on loopback: 200 `$true` on one sshs connection, against OpenSSH's
# client running the same 200 commands (a new connection each, and multiplexed over one master
# connection with ControlMaster). Starts its own sshd on a random loopback port, as the current
# user with a key, in a temporary directory it removes on exit. Median of 5 runs.
# Usage (from the repository root, after `swift build -c release`): Benchmarks/ssh/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SSHS=${SSHS:-$PWD/.build/release/sshs}
RUNS=${RUNS:-5}
N=${N:-200}
# A new connection per command costs a quarter of a second here: that loop runs fewer commands.
PLAIN_N=${PLAIN_N:-20}

dir=$(mktemp -d /tmp/sshs-bench-ssh.XXXXXX)
chmod 755 "$dir"
sshd_pid=
made_user=
cleanup() {
  if [ -n "$sshd_pid" ]; then kill "$sshd_pid" 2>/dev/null || true; fi
  if [ -S "$dir/control" ]; then ssh -F /dev/null -o ControlPath="$dir/control" -O exit x 2>/dev/null || true; fi
  if [ -n "$made_user" ]; then userdel "$made_user" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
# What is measured is the client: as root, log in as a new user whose shell (/bin/sh) reads no rc
# file, since root's ~/.bashrc may run slow tools for every command (bash reads it for ssh).
if [ "$(id -u)" = 0 ]; then
  made_user=sshsbench$$
  useradd -M -d "$dir" -s /bin/sh "$made_user"
  usermod -p '*' "$made_user" # no password, but not locked: sshd refuses locked accounts
fi
user=${made_user:-$(id -un)}
ssh-keygen -q -N '' -t ed25519 -f "$dir/host_ed25519"
ssh-keygen -q -N '' -t ed25519 -f "$dir/client"
cp "$dir/client.pub" "$dir/authorized_keys"
mkdir -p "$dir/home/.ssh"
if [ "$(id -u)" = 0 ]; then mkdir -p /run/sshd; fi
for _ in $(seq 20); do
  port=$((20000 + RANDOM % 40000))
  cat > "$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
PubkeyAuthentication yes
AllowUsers $user
MaxStartups 200
MaxSessions 100
PrintMotd no
CONF
  if /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log"; then
    for _ in $(seq 50); do [ -s "$dir/sshd.pid" ] && break; sleep 0.05; done
    [ -s "$dir/sshd.pid" ] && break
  fi
done
sshd_pid=$(cat "$dir/sshd.pid")
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$dir/host_ed25519.pub")" > "$dir/home/.ssh/known_hosts"
opts=(-F /dev/null -p "$port" -i "$dir/client" -o UserKnownHostsFile="$dir/home/.ssh/known_hosts"
  -o StrictHostKeyChecking=yes -o BatchMode=yes)
cat > "$dir/bench.sshs" <<SCRIPT
with \$.connect('$user@127.0.0.1:$port', key_filename='$dir/client', look_for_keys=False, allow_agent=False):
    ok = 0
    for i in range($N):
        \$true
        ok += \$.exitcode == 0
print(ok)
SCRIPT
# Both clients must really run the commands: check once before timing.
[ "$(HOME=$dir/home "$SSHS" "$dir/bench.sshs")" = "$N" ] || { echo "sshs did not run the commands" >&2; exit 1; }
ssh "${opts[@]}" "$user@127.0.0.1" true || { echo "ssh cannot log in" >&2; exit 1; }

source Benchmarks/timing.sh
ssh_loop() { for _ in $(seq "$PLAIN_N"); do ssh "${opts[@]}" "$user@127.0.0.1" true; done; }
mux_loop() {
  ssh "${opts[@]}" -o ControlMaster=yes -o ControlPath="$dir/control" -fN "$user@127.0.0.1"
  for _ in $(seq "$N"); do ssh "${opts[@]}" -o ControlPath="$dir/control" "$user@127.0.0.1" true; done
  ssh "${opts[@]}" -o ControlPath="$dir/control" -O exit "$user@127.0.0.1" 2>/dev/null
}

s=$(for _ in $(seq "$RUNS"); do HOME=$dir/home time_one "$SSHS" "$dir/bench.sshs"; done | median)
plain=$(for _ in $(seq "$RUNS"); do time_one ssh_loop; done | median)
mux=$(for _ in $(seq "$RUNS"); do time_one mux_loop; done | median)
printf '%-34s %9s %9s %14s\n' "remote true commands" commands total "per command"
for row in "sshs (one connection):$N:$s" "ssh, a connection each:$PLAIN_N:$plain" "ssh, ControlMaster multiplexed:$N:$mux"; do
  IFS=: read -r name count seconds <<< "$row"
  printf '%-34s %9d %8.3fs %11.2f ms\n' "$name" "$count" "$seconds" \
    "$(awk -v t="$seconds" -v n="$count" 'BEGIN { print t * 1000 / n }')"
done
