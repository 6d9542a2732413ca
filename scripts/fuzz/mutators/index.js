// Every mutator, by family. A case's mutator is chosen from this list, so adding one here is
// enough for the test, the long run and the rebuild command to use it.
const { byteMutators } = require("./bytes");
const { zipMutators } = require("./zip");
const { xmlMutators } = require("./xml");
const { semanticMutators } = require("./semantic");
const { argMutators } = require("./args");

const FILE_MUTATORS = [...byteMutators, ...zipMutators, ...xmlMutators, ...semanticMutators];
const ALL = [...FILE_MUTATORS.map((m) => ({ ...m, kind: "file" })), ...argMutators.map((m) => ({ ...m, kind: "args" }))];

module.exports = { MUTATORS: ALL };
