"""bench/report.py - the table, the SVG plot and the sanity check of a run.

A run is the dict bench.py writes to results.json: 'machine' and 'figures',
each figure a row with a section, a name, the ratio's median/min/max (or an
'absent' reason), what the ratio means, an optional goal ('<= 1.10',
'>= 0.9') and the two variants' own medians as text.
"""
import math
import re


def fmt(x):
    return '%.3g' % x if x < 100 else '%.0f' % x


def ratio_text(r):
    if r['absent']:
        return 'absent'
    q = r['ratio']
    return '%s [%s, %s]' % (fmt(q['median']), fmt(q['min']), fmt(q['max']))


def met_text(r):
    if r['absent'] or not r['goal']:
        return ''
    return 'yes' if r['met'] else 'NO'


def table(result, brief=False):
    """A Markdown table (readable as plain text too), one section after
    another; brief leaves out per-program detail rows (compile times)."""
    m = result['machine']
    lines = ['cuport benchmarks, %s, %s (%d cores, %.0f GiB), commit %s%s' % (
        m['date'], m['cpu'], m['cores'], m['memory_gib'], m['commit'],
        ', SMOKE RUN (tiny sizes)' if result['smoke'] else ''),
        'ratio: median [min, max] over %d repetitions after a warm-up' % result['reps'],
        '',
        '| section | benchmark | cuport | baseline | ratio | ratio means | goal | met |',
        '|---|---|---|---|---|---|---|---|']
    rows = [r for r in result['figures'] if not (brief and r.get('detail'))]
    for r in rows:
        what = r['what'] if not r['absent'] else 'absent: ' + r['absent']
        lines.append('| %s | %s | %s | %s | %s | %s | %s | %s |' % (
            r['section'], r['name'], r['cuport'] or '', r['baseline'] or '', ratio_text(r),
            what, r['goal'] or '', met_text(r)))
    if len(rows) < len(result['figures']):
        lines.append('\n(%d per-program rows are in results.json)' % (
            len(result['figures']) - len(rows)))
    return '\n'.join(lines)


def insane(rows):
    """Names of rows with a figure that is not finite and positive."""
    bad = []
    for r in rows:
        if r['absent']:
            continue
        values = list(r['ratio'].values())
        for text in (r['cuport'], r['baseline']):
            values += [float(x) for x in re.findall(r'[-+]?\d+(?:\.\d*)?(?:e[-+]?\d+)?',
                                                    text or '')]
        if not all(math.isfinite(v) and v > 0 for v in values):
            bad.append(r['name'])
    return bad


def svg(result):
    """Horizontal bars of every ratio on a log scale, whiskers from min to
    max, the goal as a tick; green where the goal is met, red where missed,
    grey where there is no goal. Written by hand: no plotting library."""
    rows = [r for r in result['figures'] if not r['absent'] and not r.get('detail')]
    lo = min([0.1] + [r['ratio']['min'] for r in rows])
    hi = max([10.0] + [r['ratio']['max'] for r in rows])
    lo, hi = 10 ** math.floor(math.log10(lo)), 10 ** math.ceil(math.log10(hi))
    left, width, row_h, top = 330, 520, 16, 40
    height = top + row_h * len(rows) + 40
    x = lambda v: left + width * (math.log10(v) - math.log10(lo)) / (
        math.log10(hi) - math.log10(lo))
    esc = lambda s: s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="10">' % (left + width + 20, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="16" font-size="12">cuport / baseline ratios, %s, %s (%d cores)%s'
           '</text>' % (result['machine']['date'], esc(result['machine']['cpu']),
                        result['machine']['cores'], ' (smoke)' if result['smoke'] else ''),
           '<text x="10" y="30" fill="#555">each ratio as its table row defines it; '
           'log scale; bar = median, whisker = min..max, | = goal</text>']
    decade = lo
    while decade <= hi * 1.0001:
        for k in (1, 2, 5):
            v = decade * k
            if lo <= v <= hi:
                out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>' % (
                    x(v), top - 4, x(v), height - 30, '#999' if k == 1 else '#e4e4e4'))
                out.append('<text x="%.1f" y="%d" text-anchor="middle">%g</text>' % (
                    x(v), height - 18, v))
        decade *= 10
    for i, r in enumerate(rows):
        y = top + i * row_h
        q = r['ratio']
        color = '#999' if not r['goal'] else ('#2a2' if r['met'] else '#d33')
        out.append('<text x="%d" y="%d" text-anchor="end">%s: %s</text>' % (
            left - 6, y + 11, r['section'], esc(r['name'])))
        x0, x1 = x(min(1.0, q['median'])), x(max(1.0, q['median']))
        out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>' % (
            x0, y + 3, max(x1 - x0, 1), row_h - 6, color))
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="black"/>' % (
            x(q['min']), y + row_h // 2, x(q['max']), y + row_h // 2))
        if r['goal']:
            g = x(float(r['goal'].split()[1]))
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="black" '
                       'stroke-width="2"/>' % (g, y + 1, g, y + row_h - 1))
    out.append('</svg>')
    return '\n'.join(out) + '\n'


if __name__ == '__main__':
    # report.py results.json [--svg]: the brief table (or the plot) of a run.
    import json
    import sys
    with open(sys.argv[1]) as f:
        run = json.load(f)
    print(svg(run) if '--svg' in sys.argv else table(run, brief=True))
