"""bench/figures.py - running programs, timing them and making table rows.

A row ("figure") holds the ratio of cuport to its baseline per repetition as
median/min/max, what the ratio means, an optional goal, and each variant's
own median as text; report.py prints and plots rows.
"""
import json
import math
import shlex
import statistics
import subprocess
import time


class Failure(Exception):
    """A benchmark that could not be built, run or verified: the run fails."""


def run(cmd, env=None, check=True):
    """Runs cmd (a list); raises Failure with its output when it fails."""
    try:
        p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    except OSError as e:  # e.g. the build tree is being rebuilt under us
        raise Failure('%s: %s' % (shlex.join(cmd), e))
    if check and p.returncode != 0:
        raise Failure('%s failed (%d):\n%s%s' % (shlex.join(cmd), p.returncode,
                                                p.stdout[-2000:], p.stderr[-4000:]))
    return p


def timed(cmd, env=None):
    """(wall seconds, CompletedProcess) of cmd."""
    t0 = time.perf_counter()
    p = run(cmd, env=env, check=False)
    return time.perf_counter() - t0, p


def records(cmd, env=None):
    """Runs a bench program; returns its JSON records, all of them verified."""
    p = run(cmd, env=env, check=False)
    recs = [json.loads(line) for line in p.stdout.splitlines() if line.startswith('{')]
    if p.returncode != 0 or not recs or not all(r['verified'] for r in recs):
        raise Failure('%s did not verify (exit %d):\n%s%s' % (
            shlex.join(cmd), p.returncode, p.stdout[-2000:], p.stderr[-4000:]))
    return recs


def seconds(values):
    """The median of timings, as text with three significant digits."""
    t = statistics.median(values)
    for unit, scale in (('s', 1.0), ('ms', 1e-3), ('us', 1e-6)):
        if t >= scale:
            break
    return '%.3g %s' % (t / scale, unit)


def rate(amount, values, unit='GB/s', scale=1e9):
    """amount per median time, as text."""
    return '%.3g %s' % (amount / statistics.median(values) / scale, unit)


def figure(section, name, ratios, what, goal=None, cuport=None, baseline=None):
    """A row from one ratio per repetition. goal: '<= 1.10' or '>= 0.9'."""
    row = {'section': section, 'name': name, 'what': what, 'goal': goal,
           'cuport': cuport, 'baseline': baseline, 'absent': None,
           'ratio': {'median': statistics.median(ratios), 'min': min(ratios),
                     'max': max(ratios)}}
    return with_goal(row)


def with_goal(row):
    if row['goal']:
        op, limit = row['goal'].split()
        m = row['ratio']['median']
        row['met'] = m <= float(limit) if op == '<=' else m >= float(limit)
    return row


def geomean(section, name, rows, what, goal=None):
    """A row whose median, min and max are the geometric means of rows'."""
    g = lambda k: math.exp(statistics.fmean(math.log(r['ratio'][k]) for r in rows))
    return with_goal({'section': section, 'name': name, 'what': what, 'goal': goal,
                      'cuport': None, 'baseline': None, 'absent': None,
                      'ratio': {k: g(k) for k in ('median', 'min', 'max')}})


def absent(section, name, why, what=''):
    """A row that could not be measured, and why."""
    return {'section': section, 'name': name, 'ratio': None, 'what': what, 'goal': None,
            'cuport': None, 'baseline': None, 'absent': why}
