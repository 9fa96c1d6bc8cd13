// Placeholder entry of the `patent-lookup` CLI until the CLI work lands.
process.stderr.write('patent-lookup: not built yet\n');
process.exit(1);
