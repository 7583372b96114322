import { targets } from '../harness/targets.js';
import { describeTck } from './tck-suite.js';

for (const target of targets) describeTck(target);
