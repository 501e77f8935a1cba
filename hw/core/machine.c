/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * machine.c: the machine base type, its containers and properties, the
 * lookup of machine types, `-M help` and query-machines.
 */
#include "osdep.h"

#include "backends/hostmem.h"
#include "hw/boards.h"
#include "hw/sysbus.h"
#include "qapi/qobject-input-visitor.h"
#include "qom/object-interfaces.h"
#include "monitor/qdev.h"
#include "qapi-commands-machine.h"
#include "qom/container.h"
#include "system/run-control.h"
#include "util/error.h"
#include "util/qemu-option.h"

static gint machine_class_cmp(gconstpointer a, gconstpointer b)
{
    return strcmp(MACHINE_CLASS(a)->name, MACHINE_CLASS(b)->name);
}

/* Every machine class, sorted by name; free with g_slist_free(). */
static GSList *machine_class_list(void)
{
    GSList *list = object_class_get_list(TYPE_MACHINE, false);

    return g_slist_sort(list, machine_class_cmp);
}

MachineClass *machine_find_class(const char *name)
{
    g_autoptr(GSList) list = machine_class_list();
    GSList *l;

    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (!strcmp(mc->name, name) || (mc->alias && !strcmp(mc->alias, name))) {
            return mc;
        }
    }
    return NULL;
}

MachineClass *machine_find_default(void)
{
    g_autoptr(GSList) list = machine_class_list();
    GSList *l;

    for (l = list; l; l = l->next) {
        if (MACHINE_CLASS(l->data)->is_default) {
            return l->data;
        }
    }
    return NULL;
}

char *machine_help_text(void)
{
    g_autoptr(GSList) list = machine_class_list();
    GString *text = g_string_new("Supported machines are:\n");
    GSList *l;

    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;

        if (mc->alias) {
            g_string_append_printf(text, "%-20s %s (alias of %s)\n",
                                   mc->alias, mc->desc, mc->name);
        }
        g_string_append_printf(text, "%-20s %s%s%s\n", mc->name, mc->desc,
                               mc->is_default ? " (default)" : "",
                               mc->deprecated ? " (deprecated)" : "");
    }
    return g_string_free(text, false);
}

MachineInfoList *qmp_query_machines(Error **errp)
{
    g_autoptr(GSList) list = machine_class_list();
    MachineInfoList *infos = NULL;
    GSList *l;

    for (l = list; l; l = l->next) {
        MachineClass *mc = l->data;
        MachineInfo *info = g_new0(MachineInfo, 1);

        info->name = g_strdup(mc->name);
        info->alias = g_strdup(mc->alias);
        if (mc->is_default) {
            info->has_is_default = true;
            info->is_default = true;
        }
        info->cpu_max = mc->max_cpus;
        info->deprecated = mc->deprecated;
        info->default_ram_id = g_strdup(mc->default_ram_id);
        QAPI_LIST_PREPEND(infos, info);
    }
    return infos;
}

MachineState *machine_create(MachineClass *mc)
{
    Object *machine = object_new_with_class(OBJECT_CLASS(mc));
    Object *root = object_get_root();

    object_property_add_child(root, "machine", machine);
    object_unref(machine);
    container_get(root, "/machine/peripheral");
    container_get(root, "/machine/peripheral-anon");
    container_get(root, "/machine/unattached");
    sysbus_get_default();
    return MACHINE(machine);
}

MachineState *qdev_get_machine(void)
{
    Object *obj = object_resolve_path_component(object_get_root(),
                                                "machine");

    return obj ? MACHINE(obj) : NULL;
}

static int device_reset_one(DeviceState *dev, void *opaque)
{
    DeviceClass *dc = DEVICE_GET_CLASS(dev);

    if (dc->reset) {
        dc->reset(dev);
    }
    return 0;
}

void qdev_reset_all(void *opaque)
{
    qbus_walk_devices(sysbus_get_default(), device_reset_one, NULL);
}

/* The devices of mc->default_devices, as if given with -device. */
static bool machine_add_default_devices(MachineClass *mc, Error **errp)
{
    const char *const *text;

    for (text = mc->default_devices; text && *text; text++) {
        QemuOpts *opts = qemu_opts_parse(&qemu_device_opts, *text, true,
                                         errp);
        g_autoptr(QDict) args = NULL;
        DeviceState *dev;

        if (!opts) {
            return false;
        }
        args = qemu_opts_to_qdict(opts, NULL);
        qemu_opts_del(opts);
        dev = qdev_device_add_from_qdict(args, false, errp);
        if (!dev) {
            return false;
        }
        object_unref(dev);
    }
    return true;
}

/*
 * The backend the memory-backend property names becomes the machine's
 * RAM: marked mapped, so that object-del refuses it while the machine
 * lives.
 */
static bool machine_consume_memdev(MachineState *ms, Error **errp)
{
    Object *obj = object_resolve_path_type(ms->ram_memdev_id,
                                           TYPE_MEMORY_BACKEND, NULL);

    if (!obj) {
        error_setg(errp, "Memory backend '%s' not found", ms->ram_memdev_id);
        return false;
    }
    ms->memdev = obj;
    ms->ram_size = host_memory_backend_get_size(MEMORY_BACKEND(obj));
    host_memory_backend_set_mapped(MEMORY_BACKEND(obj), true);
    return true;
}

/* The class's RAM backend of ms->ram_size bytes, as -m makes it. */
static bool machine_create_default_ram(MachineState *ms, Error **errp)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);
    g_autoptr(QDict) props = qdict_new();
    Visitor *v;
    Object *obj;

    qdict_put_int(props, "size", (int64_t)ms->ram_size);
    v = qobject_input_visitor_new(QOBJECT(props));
    obj = user_creatable_add_type(TYPE_MEMORY_BACKEND_RAM, mc->default_ram_id,
                                  props, v, errp);
    visit_free(v);
    if (!obj) {
        return false;
    }
    ms->memdev = obj;
    host_memory_backend_set_mapped(MEMORY_BACKEND(obj), true);
    object_unref(obj);
    return true;
}

bool machine_run_board_init(MachineState *ms, Error **errp)
{
    MachineClass *mc = MACHINE_GET_CLASS(ms);
    int max_cpus = MAX(mc->max_cpus, 1);

    if (ms->smp_cpus > (unsigned)max_cpus) {
        error_setg(errp, "Invalid SMP CPUs %u. The max CPUs supported by "
                   "machine '%s' is %d", ms->smp_cpus, mc->name, max_cpus);
        return false;
    }
    if (ms->ram_memdev_id && !machine_consume_memdev(ms, errp)) {
        return false;
    }
    if (!ms->memdev && mc->default_ram_id &&
        !machine_create_default_ram(ms, errp)) {
        return false;
    }
    if (mc->init && !mc->init(ms, errp)) {
        return false;
    }
    if (ms->defaults_enabled && !machine_add_default_devices(mc, errp)) {
        return false;
    }
    run_control_register_reset(qdev_reset_all, NULL);
    return true;
}

static void machine_initfn(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    ms->defaults_enabled = true;
    ms->ram_size = MACHINE_GET_CLASS(ms)->default_ram_size;
    ms->smp_cpus = 1;
    ms->cpu_model = g_strdup("host");
}

static void machine_finalize(Object *obj)
{
    MachineState *ms = MACHINE(obj);

    if (ms->memdev) {
        host_memory_backend_set_mapped(MEMORY_BACKEND(ms->memdev), false);
    }
    run_control_unregister_reset(qdev_reset_all, NULL);
    g_free(ms->ram_memdev_id);
    g_free(ms->cpu_model);
    g_free(ms->kernel_filename);
    g_free(ms->initrd_filename);
    g_free(ms->kernel_cmdline);
}

static void machine_class_init(ObjectClass *oc, void *data)
{
    object_class_property_add_str_ptr(oc, "memory-backend",
                                      offsetof(MachineState, ram_memdev_id),
                                      OBJ_PROP_FLAG_READWRITE);
    object_class_property_set_description(oc, "memory-backend",
                                          "Set RAM backend; valid value is "
                                          "ID of hostmem based backend");
    object_class_property_add_str_ptr(oc, "kernel",
                                      offsetof(MachineState, kernel_filename),
                                      OBJ_PROP_FLAG_READWRITE);
    object_class_property_set_description(oc, "kernel",
                                          "Linux kernel image file");
    object_class_property_add_str_ptr(oc, "initrd",
                                      offsetof(MachineState, initrd_filename),
                                      OBJ_PROP_FLAG_READWRITE);
    object_class_property_set_description(oc, "initrd",
                                          "Linux initial ramdisk file");
    object_class_property_add_str_ptr(oc, "append",
                                      offsetof(MachineState, kernel_cmdline),
                                      OBJ_PROP_FLAG_READWRITE);
    object_class_property_set_description(oc, "append",
                                          "Linux kernel command line");
}

/* A machine type's -M name is its type name without "-machine". */
static void machine_class_base_init(ObjectClass *oc, void *data)
{
    MachineClass *mc = MACHINE_CLASS(oc);
    const char *cname = object_class_get_name(oc);

    if (g_str_has_suffix(cname, TYPE_MACHINE_SUFFIX)) {
        mc->name = g_strndup(cname, strlen(cname) -
                             strlen(TYPE_MACHINE_SUFFIX));
    }
}

static const TypeInfo machine_info = {
    .name = TYPE_MACHINE,
    .parent = TYPE_OBJECT,
    .instance_size = sizeof(MachineState),
    .instance_init = machine_initfn,
    .instance_finalize = machine_finalize,
    .abstract = true,
    .class_size = sizeof(MachineClass),
    .class_init = machine_class_init,
    .class_base_init = machine_class_base_init,
};

static void machine_register_types(void)
{
    type_register_static(&machine_info);
}

type_init(machine_register_types)
