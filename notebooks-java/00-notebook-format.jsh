// 00 — How a MetaBound notebook is written
//
// A notebook is a plain JShell script. A line starting with "// %%" opens a cell; the comment lines
// right after it are the cell's narrative, the rest is code. `mvn verify` runs every notebook
// headless (cell by cell, through the JDK's jdk.jshell API) and renders it as HTML under
// notebooks-java/target/notebooks/. `OUT` is predefined: the folder where a cell saves its charts.
//
// How to run: ./metabound notebook 00-notebook-format
//   or interactively: jshell --class-path reports/target/metabound.jar notebooks-java/prelude.jshell notebooks-java/00-notebook-format.jsh

// %% A first cell
// Plain Java runs as in jshell.
var greeting = "MetaBound notebooks run headless in mvn verify";
System.out.println(greeting);

// %% Exit codes of the front door
// The CLI's exit codes are part of its contract.
System.out.println("ok=" + io.metabound.reports.cli.MetaBoundCommand.OK +
    " violated=" + io.metabound.reports.cli.MetaBoundCommand.VIOLATED +
    " bad-input=" + io.metabound.reports.cli.MetaBoundCommand.BAD_INPUT);
