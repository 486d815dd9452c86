import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases, span } from '../../entities/tester.js';

const a = '天津市南开区投资促进局局长闫伟说，今年投资增长。';
const b = '法国总统马克龙抵达北京。';
runRuleCases(
  rule,
  {
    valid: ['高水平研究团队不断涌现。', '他说这件事很重要。'],
    invalid: [
      { text: a, expect: [span(a, 'PERSON', '闫伟')] },
      { text: b, expect: [span(b, 'PERSON', '马克龙')] },
    ],
  },
  { describe, it, expect },
);
