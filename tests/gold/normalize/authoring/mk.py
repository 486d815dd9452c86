# Hand-gold helper: paragraph plans and overrides are decided by reading the raw
# files; this script only does the tedious character edits I'd otherwise type.
import re, sys, json
def raw_lines(doc):
    import glob, os
    root = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..')
    f = glob.glob(os.path.join(root, 'corpus', f'{doc}_*.txt'))[0]
    return open(f, encoding='utf-8').read().split('\n')

def han(c): return '\u4e00' <= c <= '\u9fff' or '\u3400' <= c <= '\u4dbf'
def asc(c): return c < '\x80'

def despace(s):
    out = []
    for i, c in enumerate(s):
        if c == ' ':
            l = s[i-1] if i > 0 else ''
            r = s[i+1] if i + 1 < len(s) else ''
            if l and r and asc(l) and asc(r) and l != ' ': out.append(c)
            continue
        out.append(c)
    return ''.join(out)

def fullpunct(s):
    # ASCII punctuation in Chinese text (doc 004 style)
    res = []
    for i, c in enumerate(s):
        if c in ',;:!?()':
            l = s[i-1] if i else ''
            r = s[i+1] if i + 1 < len(s) else ''
            if c in ',:' and l.isdigit() and r.isdigit(): res.append(c); continue
            res.append({',':'，',';':'；',':':'：','!':'！','?':'？','(':'（',')':'）'}[c])
        else: res.append(c)
    return ''.join(res)

def quotes(s, open_=False):
    res = []
    so = False
    for c in s:
        if c == '"':
            res.append('”' if open_ else '“'); open_ = not open_
        elif c == "'":
            res.append('’' if so else '‘'); so = not so
        else: res.append(c)
    return ''.join(res), open_

def build(doc, plan, overrides, ascii_punct=False, carry=()):
    L = raw_lines(doc)
    out = []
    for k, grp in enumerate(plan):
        if k in overrides:
            out.append(overrides[k]); continue
        parts = [L[n-1].strip() for n in grp]
        t = ''.join(parts)
        t = t.replace('[bookmark: _GoBack]', '')
        t = re.sub(r'^#+ *', '', t)
        t = re.sub(r'^[■□●] *', '', t)
        t = despace(t)
        t = t.replace('⋯', '…')
        t = re.sub(r'(?<=[\d%])~(?=\d)', '～', t)
        if ascii_punct:
            t = fullpunct(t)
            t, _ = quotes(t, k in carry)
        out.append(t)
    return out

def ranges(*specs):
    # spec: int (single line) or (a, b, step)
    plan = []
    for s in specs:
        if isinstance(s, int): plan.append([s])
        elif isinstance(s, list): plan.append(s)
        else:
            a, b, st = s if len(s) == 3 else (s[0], s[1], 1)
            plan.append(list(range(a, b + 1, st)))
    return plan
