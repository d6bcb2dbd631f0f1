package dev.assay.server.pipeline.plugins;

import java.util.List;

/** Every installed task, and what could not be installed (each problem naming its jar or setting). */
public record TaskList(List<TaskView> tasks, List<String> problems) {

    public TaskList {
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
    }
}
