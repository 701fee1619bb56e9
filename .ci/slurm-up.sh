#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine, for the test that submits a sweep with
# `kith slurm --submit` (test/cli/slurm.test.ts). Written for CI machines without systemd, with
# cgroups v1, running as root; Debian's slurm-wlm and munge must be installed. Safe to run twice:
# daemons already running are left alone. Prints the node's state and exits non-zero if the node
# does not come up idle within a minute.
set -euo pipefail

host="$(hostname)"
cpus="$(nproc)"
state=/var/spool/slurmctld
spool=/var/spool/slurmd
mkdir -p /etc/slurm "$state" "$spool" /var/log/slurm /run/munge /var/lib/munge /var/log/munge

# munge authenticates Slurm's daemons and commands to each other: one key, owned by munge.
if [ ! -s /etc/munge/munge.key ]; then mungekey -c -k /etc/munge/munge.key; fi
chown munge:munge /etc/munge/munge.key /run/munge /var/lib/munge /var/log/munge
chmod 0400 /etc/munge/munge.key
if ! pgrep -x munged > /dev/null; then runuser -u munge -- /usr/sbin/munged; fi

# Plain process tracking and no task plugin: without systemd there is no cgroup hierarchy for
# slurmd to manage. cons_tres with CR_Core gives each array task one core, so a 4-task array
# runs two tasks at a time on two cores.
cat > /etc/slurm/slurm.conf <<EOF
ClusterName=kith-ci
SlurmctldHost=${host}
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=${state}
SlurmdSpoolDir=${spool}
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
NodeName=${host} CPUs=${cpus} State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP
EOF

if ! pgrep -x slurmctld > /dev/null; then /usr/sbin/slurmctld; fi
if ! pgrep -x slurmd > /dev/null; then /usr/sbin/slurmd; fi

for _ in $(seq 60); do
  if sinfo --noheader --Node --format='%t' 2>/dev/null | grep -qx 'idle'; then
    sinfo --Node
    exit 0
  fi
  sleep 1
done
echo "slurm-up: the node did not come up idle within a minute" >&2
sinfo --Node >&2 || true
tail -n 20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
exit 1
