package org.shequ.gridtasks.grid;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class GridRepository implements PanacheRepositoryBase<Grid, String> {
}
