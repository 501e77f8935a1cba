/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test-qom-object.c: the QOM type system: registration, lazy class
 * initialisation, inheritance and overriding, interfaces, checked casts,
 * reference counts and the order of initialisation and finalization.
 */
#include "osdep.h"

#include "qom/object.h"
#include "util/error.h"

#include "event-log.h"

#define TYPE_TEST_PET "test-pet"
typedef struct TestPet TestPet;
typedef struct TestPetClass {
    InterfaceClass parent_class;
    const char *(*pet_name)(TestPet *pet);
} TestPetClass;
DECLARE_CLASS_CHECKERS(TestPetClass, TEST_PET, TYPE_TEST_PET)
DECLARE_INSTANCE_CHECKER(TestPet, TEST_PET, TYPE_TEST_PET)

/* A second interface, derived from the first. */
#define TYPE_TEST_GUIDE_DOG "test-guide-dog"

/* An abstract base: every animal speaks and counts its subclasses. */
#define TYPE_TEST_ANIMAL "test-animal"
OBJECT_DECLARE_TYPE(TestAnimal, TestAnimalClass, TEST_ANIMAL)
struct TestAnimal {
    Object parent_obj;
    int legs;
};
struct TestAnimalClass {
    ObjectClass parent_class;
    const char *(*speak)(TestAnimal *animal);
    int subclasses;         /* reset for each new class by class_base_init */
};

#define TYPE_TEST_DOG "test-dog"
OBJECT_DECLARE_SIMPLE_TYPE(TestDog, TEST_DOG)
struct TestDog {
    TestAnimal parent_obj;
    bool trained;
};

#define TYPE_TEST_PUPPY "test-puppy"
typedef struct TestPuppyClass {
    TestAnimalClass parent_class;
    const char *(*parent_speak)(TestAnimal *animal);
} TestPuppyClass;
DECLARE_CLASS_CHECKERS(TestPuppyClass, TEST_PUPPY, TYPE_TEST_PUPPY)

#define TYPE_TEST_CAT "test-cat"

static void animal_class_base_init(ObjectClass *klass, void *data)
{
    TEST_ANIMAL_CLASS(klass)->subclasses = 0;
}

static void animal_instance_init(Object *obj)
{
    event("init(animal)");
    TEST_ANIMAL(obj)->legs = 4;
}

static void animal_instance_post_init(Object *obj)
{
    event("post_init(animal)");
}

static void animal_instance_finalize(Object *obj)
{
    event("finalize(animal)");
}

static const char *dog_speak(TestAnimal *animal)
{
    return "woof";
}

static const char *dog_pet_name(TestPet *pet)
{
    return "Rex";
}

static void dog_class_init(ObjectClass *klass, void *data)
{
    TEST_ANIMAL_CLASS(klass)->speak = dog_speak;
    TEST_ANIMAL_CLASS(object_class_get_parent(klass))->subclasses++;
    TEST_PET_CLASS(klass)->pet_name = dog_pet_name;
}

static void dog_instance_init(Object *obj)
{
    event("init(dog)");
}

static void dog_instance_post_init(Object *obj)
{
    event("post_init(dog)");
}

static void dog_instance_finalize(Object *obj)
{
    event("finalize(dog)");
}

/* Overrides speak(), and calls the dog's from its own. */
static const char *puppy_speak(TestAnimal *animal)
{
    return TEST_PUPPY_GET_CLASS(animal)->parent_speak(animal)[0] == 'w'
           ? "yip (woof)" : "?";
}

static void puppy_class_init(ObjectClass *klass, void *data)
{
    TestAnimalClass *ac = TEST_ANIMAL_CLASS(klass);

    TEST_PUPPY_CLASS(klass)->parent_speak = ac->speak;
    ac->speak = puppy_speak;
    g_assert_cmpstr(data, ==, "puppy data");
}

static void puppy_instance_finalize(Object *obj)
{
    event("finalize(puppy)");
}

static const char *cat_speak(TestAnimal *animal)
{
    return "meow";
}

static void cat_class_init(ObjectClass *klass, void *data)
{
    TEST_ANIMAL_CLASS(klass)->speak = cat_speak;
    TEST_ANIMAL_CLASS(object_class_get_parent(klass))->subclasses++;
}

static const TypeInfo test_types[] = {
    {
        .name = TYPE_TEST_PET,
        .parent = TYPE_INTERFACE,
        .class_size = sizeof(TestPetClass),
    }, {
        .name = TYPE_TEST_GUIDE_DOG,
        .parent = TYPE_TEST_PET,
        .class_size = sizeof(TestPetClass),
    }, {
        .name = TYPE_TEST_ANIMAL,
        .parent = TYPE_OBJECT,
        .abstract = true,
        .instance_size = sizeof(TestAnimal),
        .instance_init = animal_instance_init,
        .instance_post_init = animal_instance_post_init,
        .instance_finalize = animal_instance_finalize,
        .class_size = sizeof(TestAnimalClass),
        .class_base_init = animal_class_base_init,
    }, {
        .name = TYPE_TEST_DOG,
        .parent = TYPE_TEST_ANIMAL,
        .instance_size = sizeof(TestDog),
        .instance_init = dog_instance_init,
        .instance_post_init = dog_instance_post_init,
        .instance_finalize = dog_instance_finalize,
        .class_init = dog_class_init,
        .interfaces = (const InterfaceInfo[]) { { TYPE_TEST_PET }, { } },
    }, {
        .name = TYPE_TEST_PUPPY,
        .parent = TYPE_TEST_DOG,
        .instance_finalize = puppy_instance_finalize,
        .class_size = sizeof(TestPuppyClass),
        .class_init = puppy_class_init,
        .class_data = (void *)"puppy data",
    }, {
        .name = TYPE_TEST_CAT,
        .parent = TYPE_TEST_ANIMAL,
        .class_init = cat_class_init,
    },
};

/* Types whose classes only /qom/object/lazy-class-init builds. */
static void lazy_class_base_init(ObjectClass *klass, void *data)
{
    event("base_init(%s by %s)", object_class_get_name(klass),
          (const char *)data);
}

static void lazy_class_init(ObjectClass *klass, void *data)
{
    event("class_init(%s)", object_class_get_name(klass));
}

static const TypeInfo lazy_types[] = {
    {
        /* Registered before its parent: looked up when needed. */
        .name = "test-lazy-child",
        .parent = "test-lazy-base",
        .class_init = lazy_class_init,
        .class_base_init = lazy_class_base_init,
        .class_data = (void *)"child",
    }, {
        .name = "test-lazy-base",
        .parent = TYPE_OBJECT,
        .instance_size = sizeof(Object),
        .class_init = lazy_class_init,
        .class_base_init = lazy_class_base_init,
        .class_data = (void *)"base",
    }, {
        .name = "test-lazy-grandchild",
        .parent = "test-lazy-child",
        .class_init = lazy_class_init,
        .class_data = (void *)"grandchild",
    },
};

static void register_test_types(void)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(test_types); i++) {
        type_register_static(&test_types[i]);
    }
    for (i = 0; i < ARRAY_SIZE(lazy_types); i++) {
        type_register_static(&lazy_types[i]);
    }
}

type_init(register_test_types)

static void test_lazy_class_init(void)
{
    ObjectClass *klass;

    /* Registration built nothing. */
    assert_events("");
    klass = object_class_by_name("test-lazy-grandchild");
    g_assert_nonnull(klass);
    /*
     * Parents first; each ancestor's class_base_init runs on the new
     * class, nearest ancestor first, with the new class's data.
     */
    assert_events("class_init(test-lazy-base) "
                  "base_init(test-lazy-child by child) "
                  "class_init(test-lazy-child) "
                  "base_init(test-lazy-grandchild by grandchild) "
                  "base_init(test-lazy-grandchild by grandchild) "
                  "class_init(test-lazy-grandchild)");
    /* Once only. */
    g_assert_true(object_class_by_name("test-lazy-child") ==
                  object_class_get_parent(klass));
    assert_events("");
}

static void test_class_queries(void)
{
    ObjectClass *dog = object_class_by_name(TYPE_TEST_DOG);
    ObjectClass *animal = object_class_by_name(TYPE_TEST_ANIMAL);

    g_assert_cmpstr(object_class_get_name(dog), ==, "test-dog");
    g_assert_true(object_class_get_parent(dog) == animal);
    g_assert_true(object_class_get_parent(animal) ==
                  object_class_by_name(TYPE_OBJECT));
    g_assert_null(object_class_get_parent(object_class_by_name(TYPE_OBJECT)));
    g_assert_true(object_class_is_abstract(animal));
    g_assert_false(object_class_is_abstract(dog));
    g_assert_true(object_class_is_abstract(
                      object_class_by_name(TYPE_TEST_PET)));
    g_assert_null(object_class_by_name("test-no-such-type"));
}

static void test_inheritance(void)
{
    g_autoptr(Object) dog = object_new(TYPE_TEST_DOG);
    g_autoptr(Object) puppy = object_new(TYPE_TEST_PUPPY);
    g_autoptr(Object) cat = object_new(TYPE_TEST_CAT);

    g_assert_cmpstr(TEST_ANIMAL_GET_CLASS(dog)->speak(TEST_ANIMAL(dog)), ==,
                    "woof");
    g_assert_cmpstr(TEST_ANIMAL_GET_CLASS(puppy)->speak(TEST_ANIMAL(puppy)),
                    ==, "yip (woof)");
    g_assert_cmpstr(TEST_ANIMAL_GET_CLASS(cat)->speak(TEST_ANIMAL(cat)), ==,
                    "meow");
    /* The parent's instance_init ran for all of them. */
    g_assert_cmpint(TEST_ANIMAL(puppy)->legs, ==, 4);
    /* Each subclass of animal counted itself in its parent class... */
    g_assert_cmpint(TEST_ANIMAL_CLASS(object_class_by_name(TYPE_TEST_ANIMAL))
                    ->subclasses, ==, 2);
    /* ...and class_base_init gave every subclass a fresh count. */
    g_assert_cmpint(TEST_ANIMAL_GET_CLASS(dog)->subclasses, ==, 0);
    g_assert_cmpint(TEST_ANIMAL_GET_CLASS(puppy)->subclasses, ==, 0);
    g_assert_cmpstr(object_get_typename(puppy), ==, "test-puppy");
    g_assert_true(object_get_class(puppy) ==
                  object_class_by_name(TYPE_TEST_PUPPY));
    events_clear();
}

static void test_casts(void)
{
    g_autoptr(Object) puppy = object_new(TYPE_TEST_PUPPY);
    g_autoptr(Object) cat = object_new(TYPE_TEST_CAT);
    ObjectClass *puppy_class = object_get_class(puppy);

    g_assert_true(object_dynamic_cast(puppy, TYPE_TEST_DOG) == puppy);
    g_assert_true(object_dynamic_cast(puppy, TYPE_TEST_ANIMAL) == puppy);
    g_assert_true(object_dynamic_cast(puppy, TYPE_OBJECT) == puppy);
    g_assert_null(object_dynamic_cast(cat, TYPE_TEST_DOG));
    g_assert_null(object_dynamic_cast(cat, "test-no-such-type"));
    g_assert_null(object_dynamic_cast(NULL, TYPE_TEST_DOG));
    g_assert_true(TEST_DOG(puppy) == (TestDog *)puppy);
    g_assert_null(TEST_DOG(NULL));

    g_assert_true(object_class_dynamic_cast(puppy_class, TYPE_TEST_DOG) ==
                  puppy_class);
    g_assert_null(object_class_dynamic_cast(
                      object_get_class(cat), TYPE_TEST_DOG));
    g_assert_null(object_class_dynamic_cast(NULL, TYPE_TEST_DOG));
    events_clear();
}

static void test_bad_cast_aborts(void)
{
    if (g_test_subprocess()) {
        Object *cat = object_new(TYPE_TEST_CAT);

        TEST_DOG(cat);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*test-qom-object.c:*: Object 0x* of type "
                              "'test-cat' is not an instance of type "
                              "'test-dog'\n");
}

static void test_bad_class_cast_aborts(void)
{
    if (g_test_subprocess()) {
        TEST_PUPPY_CLASS(object_class_by_name(TYPE_TEST_DOG));
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*: Class 0x* of type 'test-dog' is not an "
                              "instance of type 'test-puppy'\n");
}

static void test_interfaces(void)
{
    g_autoptr(Object) dog = object_new(TYPE_TEST_DOG);
    g_autoptr(Object) puppy = object_new(TYPE_TEST_PUPPY);
    g_autoptr(Object) cat = object_new(TYPE_TEST_CAT);
    ObjectClass *dog_class = object_get_class(dog);
    TestPetClass *pc;

    g_assert_true(object_dynamic_cast(dog, TYPE_TEST_PET) == dog);
    /* Inherited from the dog. */
    g_assert_true(object_dynamic_cast(puppy, TYPE_TEST_PET) == puppy);
    g_assert_null(object_dynamic_cast(cat, TYPE_TEST_PET));
    /* Implementing an interface says nothing about one derived from it. */
    g_assert_null(object_dynamic_cast(dog, TYPE_TEST_GUIDE_DOG));

    pc = TEST_PET_GET_CLASS(dog);
    g_assert_true(OBJECT_CLASS(pc) != dog_class);
    g_assert_true(pc->parent_class.concrete_class == dog_class);
    g_assert_cmpstr(pc->pet_name(TEST_PET(dog)), ==, "Rex");
    /* The puppy has its own copy, with the dog's method in it. */
    g_assert_true(TEST_PET_GET_CLASS(puppy) != pc);
    g_assert_cmpstr(TEST_PET_GET_CLASS(puppy)->pet_name(TEST_PET(puppy)), ==,
                    "Rex");
    g_assert_true(object_class_dynamic_cast(OBJECT_CLASS(pc), TYPE_TEST_PET)
                  == OBJECT_CLASS(pc));
    g_assert_null(object_class_dynamic_cast(object_get_class(cat),
                                            TYPE_TEST_PET));
    events_clear();
}

static void test_bad_interface_cast_aborts(void)
{
    if (g_test_subprocess()) {
        Object *cat = object_new(TYPE_TEST_CAT);

        TEST_PET(cat);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*: Object 0x* of type 'test-cat' is not an "
                              "instance of type 'test-pet'\n");
}

static void class_names(ObjectClass *klass, void *opaque)
{
    GString *names = opaque;

    g_string_append_printf(names, "%s%s", names->len ? " " : "",
                           object_class_get_name(klass));
}

static char *slist_names(GSList *list)
{
    GString *names = g_string_new(NULL);
    GSList *l;

    for (l = list; l; l = l->next) {
        class_names(l->data, names);
    }
    g_slist_free(list);
    return g_string_free(names, false);
}

static void test_class_lists(void)
{
    g_autoptr(GString) names = g_string_new(NULL);
    char *list;

    object_class_foreach(class_names, TYPE_TEST_ANIMAL, false, names);
    g_assert_cmpstr(names->str, ==, "test-dog test-puppy test-cat");
    g_string_truncate(names, 0);
    object_class_foreach(class_names, TYPE_TEST_PET, true, names);
    g_assert_cmpstr(names->str, ==, "test-pet test-guide-dog test-dog "
                    "test-puppy");

    list = slist_names(object_class_get_list(TYPE_TEST_ANIMAL, true));
    g_assert_cmpstr(list, ==, "test-animal test-dog test-puppy test-cat");
    g_free(list);
    list = slist_names(object_class_get_list_sorted(TYPE_TEST_ANIMAL, true));
    g_assert_cmpstr(list, ==, "test-animal test-cat test-dog test-puppy");
    g_free(list);
    list = slist_names(object_class_get_list("test-no-such-type", true));
    g_assert_cmpstr(list, ==, "");
    g_free(list);
}

static void test_init_finalize_order(void)
{
    Object *puppy;

    events_clear();
    puppy = object_new(TYPE_TEST_PUPPY);
    assert_events("init(animal) init(dog) post_init(dog) post_init(animal)");
    g_assert_cmpint(puppy->ref, ==, 1);
    object_unref(puppy);
    assert_events("finalize(puppy) finalize(dog) finalize(animal)");
}

static void test_refcount(void)
{
    Object *dog = object_new(TYPE_TEST_DOG);

    g_assert_true(object_ref(dog) == dog);
    g_assert_cmpint(dog->ref, ==, 2);
    object_unref(dog);
    g_assert_cmpint(dog->ref, ==, 1);
    events_clear();
    object_unref(dog);
    assert_events("finalize(dog) finalize(animal)");

    g_assert_null(object_ref(NULL));
    object_unref(NULL);
    {
        g_autoptr(TestDog) autodog = TEST_DOG(object_new(TYPE_TEST_DOG));

        g_assert_false(autodog->trained);
        events_clear();
    }
    assert_events("finalize(dog) finalize(animal)");
}

/* A struct embedding a dog, as a device embeds its parts. */
typedef struct Kennel {
    TestDog dog;
    TestDog puppy;
} Kennel;

static void test_embedded(void)
{
    Kennel kennel;
    Object *owner = object_new(TYPE_TEST_CAT);

    events_clear();
    object_initialize(&kennel.dog, sizeof(kennel.dog), TYPE_TEST_DOG);
    assert_events("init(animal) init(dog) post_init(dog) post_init(animal)");
    g_assert_cmpint(TEST_ANIMAL(&kennel.dog)->legs, ==, 4);
    /* Finalized, but the memory is the caller's. */
    object_unref(&kennel.dog);
    assert_events("finalize(dog) finalize(animal)");

    object_initialize_child(owner, "puppy", &kennel.puppy, TYPE_TEST_DOG);
    g_assert_cmpint(OBJECT(&kennel.puppy)->ref, ==, 1);
    g_assert_true(OBJECT(&kennel.puppy)->parent == owner);
    events_clear();
    /* The owner holds the only reference. */
    object_unref(owner);
    assert_events("finalize(dog) finalize(animal) finalize(animal)");
}

static void test_type_property(void)
{
    g_autoptr(Object) cat = object_new(TYPE_TEST_CAT);
    g_autofree char *type = object_property_get_str(cat, "type",
                                                    &error_abort);

    g_assert_cmpstr(type, ==, "test-cat");
    events_clear();
}

static void test_abstract_aborts(void)
{
    if (g_test_subprocess()) {
        object_new(TYPE_TEST_ANIMAL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*cannot create an instance of abstract type "
                              "'test-animal'\n");
}

static void test_unknown_type_aborts(void)
{
    if (g_test_subprocess()) {
        object_new("test-unicorn");
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*cannot create an instance of unknown type "
                              "'test-unicorn'\n");
}

static void test_duplicate_type_aborts(void)
{
    if (g_test_subprocess()) {
        type_register_static(&test_types[3]);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*registering type 'test-dog' which already "
                              "exists\n");
}

static void test_unknown_parent_aborts(void)
{
    static const TypeInfo orphan = {
        .name = "test-orphan",
        .parent = "test-nobody",
    };

    if (g_test_subprocess()) {
        type_register_static(&orphan);
        object_class_by_name("test-orphan");
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*type 'test-orphan' has unknown parent type "
                              "'test-nobody'\n");
}

static void test_bad_interface_aborts(void)
{
    static const InterfaceInfo liar_interfaces[] = { { TYPE_TEST_DOG }, { } };
    static const TypeInfo liar = {
        .name = "test-liar",
        .parent = TYPE_OBJECT,
        .interfaces = liar_interfaces,
    };

    if (g_test_subprocess()) {
        type_register_static(&liar);
        object_class_by_name("test-liar");
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*type 'test-liar' implements 'test-dog', "
                              "which is not an interface\n");
}

static void register_while_enumerating(ObjectClass *klass, void *opaque)
{
    static const TypeInfo late = {
        .name = "test-late",
        .parent = TYPE_OBJECT,
    };

    /* A walk inside the walk does not end the outer one's protection. */
    g_slist_free(object_class_get_list(TYPE_TEST_DOG, false));
    type_register_static(&late);
}

static void test_register_while_enumerating(void)
{
    if (g_test_subprocess()) {
        object_class_foreach(register_while_enumerating, TYPE_TEST_CAT,
                             false, NULL);
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed();
    g_test_trap_assert_stderr("*assertion failed: (!enumerating_types)*");
}

int main(int argc, char **argv)
{
    int ret;

    g_test_init(&argc, &argv, NULL);

    /* First: no class may have been built before it. */
    g_test_add_func("/qom/object/lazy-class-init", test_lazy_class_init);
    g_test_add_func("/qom/object/class-queries", test_class_queries);
    g_test_add_func("/qom/object/inheritance", test_inheritance);
    g_test_add_func("/qom/object/casts", test_casts);
    g_test_add_func("/qom/object/bad-cast", test_bad_cast_aborts);
    g_test_add_func("/qom/object/bad-class-cast", test_bad_class_cast_aborts);
    g_test_add_func("/qom/object/interfaces", test_interfaces);
    g_test_add_func("/qom/object/bad-interface-cast",
                    test_bad_interface_cast_aborts);
    g_test_add_func("/qom/object/class-lists", test_class_lists);
    g_test_add_func("/qom/object/init-finalize-order",
                    test_init_finalize_order);
    g_test_add_func("/qom/object/refcount", test_refcount);
    g_test_add_func("/qom/object/embedded", test_embedded);
    g_test_add_func("/qom/object/type-property", test_type_property);
    g_test_add_func("/qom/object/abstract", test_abstract_aborts);
    g_test_add_func("/qom/object/unknown-type", test_unknown_type_aborts);
    g_test_add_func("/qom/object/duplicate-type", test_duplicate_type_aborts);
    g_test_add_func("/qom/object/unknown-parent", test_unknown_parent_aborts);
    g_test_add_func("/qom/object/bad-interface", test_bad_interface_aborts);
    g_test_add_func("/qom/object/register-while-enumerating",
                    test_register_while_enumerating);

    ret = g_test_run();
    events_free();
    return ret;
}
