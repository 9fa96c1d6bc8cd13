// Entry of dist/cli.js: `patent-lookup ...`.
import { main } from './main';

void main();
