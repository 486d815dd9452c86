import sys; sys.path.insert(0, __import__('os').path.dirname(__file__))
from mk import *
plan = ranges(*range(1,40))
ov = {30: '三、保障措施', 9: '图1 一核引领、多点支撑产业布局'}
out = build('003', plan, ov)
open(__import__('os').path.join(__import__('os').path.dirname(__file__), '..', '..', 'normalized/003_68ba46f9a76749d4.txt'),'w').write('\n'.join(out)+'\n')
