package org.shequ.foodinspections;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shequ.testing.ServiceShapeContract;
import org.shequ.testing.ShequInfraResource;

@QuarkusTest
@QuarkusTestResource(ShequInfraResource.class)
class FoodInspectionsServiceShapeTest extends ServiceShapeContract {

    FoodInspectionsServiceShapeTest() {
        super("shequ_food_inspections", "provider");
    }
}
