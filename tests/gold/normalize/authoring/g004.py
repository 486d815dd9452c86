import sys; sys.path.insert(0, __import__('os').path.dirname(__file__))
from mk import *
L = raw_lines('004')
nonblank = [i+1 for i, t in enumerate(L) if t.strip()]
groups = []
joins = {35: 33, 61: 59, 93: 91, 127: 125}
for n in nonblank:
    if n in joins: groups[-1].append(n)
    else: groups.append([n])
plan = groups
idx = {g[0]: k for k, g in enumerate(plan)}
carry = {idx[186]}
out = build('004', plan, {}, ascii_punct=True, carry=carry)
fix = {
 3: ('-北京国家级经开区的新质生产力探索样本', '——北京国家级经开区的新质生产力探索样本'),
 5: ('涂铭郭宇靖张骁', '涂铭 郭宇靖 张骁'),
 121: ('（邱海鹰周毅文/图）', '（邱海鹰 周毅 文/图）'),
 125: ('查看招聘信息。吉喆摄影报道', '查看招聘信息。 吉喆 摄影报道'),
 129: ('品“质”焕新发展见“力”', '品“质”焕新 发展见“力”'),
 133: ('王永前姚玉洁龚雯周蕊', '王永前 姚玉洁 龚雯 周蕊'),
 137: ('向“质”而行新变革锻造新“质态', '向“质”而行 新变革锻造新“质态'),
 141: ('-新技术', '——新技术'),
 157: ('—新“链主”', '——新“链主”'),
 163: ('点“数”成金新要素澎湃新势能', '点“数”成金 新要素澎湃新势能'),
 178: ('扬帆出海桥头堡链接新动力', '扬帆出海 桥头堡链接新动力'),
 184: ('阮昊展示“超级光盘”。张建松摄', '阮昊展示“超级光盘”。 张建松 摄'),
}
for line, (a, b) in fix.items():
    k = idx[line]
    assert a in out[k], (line, out[k])
    out[k] = out[k].replace(a, b)
open(__import__('os').path.join(__import__('os').path.dirname(__file__), '..', '..', 'normalized/004_6c4083fd503699c9.txt'),'w').write('\n'.join(out)+'\n')
