import "./styles.css";

import { start } from "./start";

const root = document.getElementById("app");
if (root) void start(root);
